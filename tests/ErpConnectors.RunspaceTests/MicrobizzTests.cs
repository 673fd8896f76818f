using System.Management.Automation;

namespace ErpConnectors.RunspaceTests;

public class MicrobizzTests
{
    [Fact]
    public void A_method_the_object_table_does_not_allow_is_refused_before_anything_is_sent()
    {
        // No connection at all: the refusal comes before the cmdlet would even look for one.
        using var session = new PowerShellSession();
        var delete = session.Run("Remove-MicrobizzObject -Type task -Id 1 -Confirm:$false");
        var create = session.Run("New-MicrobizzObject -Type user -Property @{ name = 'x' } -Confirm:$false");

        var error = Assert.IsAssignableFrom<IContainsErrorRecord>(delete.Terminating).ErrorRecord;
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("Allowed: GET, POST", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("Allowed: GET", Assert.IsAssignableFrom<IContainsErrorRecord>(create.Terminating).ErrorRecord.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Types_complete_from_the_object_table()
    {
        using var session = new PowerShellSession();
        var matches = session.RunOk("(TabExpansion2 -inputScript 'Get-MicrobizzObject -Type no' -cursorColumn 28).CompletionMatches.CompletionText");

        Assert.Equal(new[] { "notification" }, matches.Select(m => m.ToString()));
    }

    [Fact]
    public void Without_a_connection_the_error_says_to_connect()
    {
        using var session = new PowerShellSession();
        var result = session.Run("Get-MicrobizzObject -Type task");

        var error = Assert.IsAssignableFrom<IContainsErrorRecord>(result.Terminating).ErrorRecord;
        Assert.Contains("Connect-Microbizz", error.Exception.Message, StringComparison.Ordinal);
    }
}
