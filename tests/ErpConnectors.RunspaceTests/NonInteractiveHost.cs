using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace ErpConnectors.RunspaceTests;

/// <summary>
/// A host with a UI that cannot prompt, as pwsh -NonInteractive or a runbook worker: every prompt or read fails
/// the way theirs does. The default embedded host has no UI at all, and the engine then never asks, so a cmdlet
/// that makes it ask (-Debug turning verbose lines into Inquire) only shows its defect under a host like this.
/// </summary>
public sealed class NonInteractiveHost : PSHost
{
    private readonly NonInteractiveUI _ui = new();

    public override string Name => "NonInteractiveTestHost";

    public override Version Version { get; } = new(1, 0);

    public override Guid InstanceId { get; } = Guid.NewGuid();

    public override PSHostUserInterface UI => _ui;

    public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;

    public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;

    /// <summary>Every line the host was asked to show, e.g. "VERBOSE: ..." and "DEBUG: ...".</summary>
    public IReadOnlyList<string> Lines => _ui.Lines;

    public override void EnterNestedPrompt() => throw NoPrompt();

    public override void ExitNestedPrompt() => throw NoPrompt();

    public override void NotifyBeginApplication()
    {
    }

    public override void NotifyEndApplication()
    {
    }

    public override void SetShouldExit(int exitCode)
    {
    }

    internal static PSInvalidOperationException NoPrompt() =>
        new("PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.");

    private sealed class NonInteractiveUI : PSHostUserInterface
    {
        private readonly List<string> _lines = new();

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return _lines.ToList();
                }
            }
        }

        public override PSHostRawUserInterface? RawUI => null;

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw NoPrompt();

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) => throw NoPrompt();

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw NoPrompt();

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw NoPrompt();

        public override string ReadLine() => throw NoPrompt();

        public override SecureString ReadLineAsSecureString() => throw NoPrompt();

        public override void Write(string value) => Add(value);

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Add(value);

        public override void WriteLine(string value) => Add(value);

        public override void WriteErrorLine(string value) => Add("ERROR: " + value);

        public override void WriteDebugLine(string message) => Add("DEBUG: " + message);

        public override void WriteVerboseLine(string message) => Add("VERBOSE: " + message);

        public override void WriteWarningLine(string message) => Add("WARNING: " + message);

        public override void WriteProgress(long sourceId, ProgressRecord record)
        {
        }

        private void Add(string line)
        {
            lock (_lines)
            {
                _lines.Add(line);
            }
        }
    }
}
