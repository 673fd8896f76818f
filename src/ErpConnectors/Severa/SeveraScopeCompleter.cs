using System.Collections.Generic;
using ErpConnectors.Core.Cmdlets;

namespace ErpConnectors.Severa;

/// <summary>Completes -Scope from the vendor's scope table.</summary>
public sealed class SeveraScopeCompleter : ListCompleter
{
    protected override IEnumerable<string> Values => SeveraApi.AllScopes;
}
