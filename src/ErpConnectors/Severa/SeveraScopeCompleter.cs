using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace ErpConnectors.Severa;

/// <summary>Completes -Scope from the vendor's scope table.</summary>
public sealed class SeveraScopeCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string word = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return SeveraApi.AllScopes
            .Where(scope => scope.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .Select(scope => new CompletionResult(scope, scope, CompletionResultType.ParameterValue, scope));
    }
}
