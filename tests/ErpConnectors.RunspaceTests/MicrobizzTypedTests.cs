using System.Collections;
using System.Management.Automation;

namespace ErpConnectors.RunspaceTests;

/// <summary>The typed Microbizz cmdlets against the sandbox, as users pipe them.</summary>
public sealed class MicrobizzTypedTests : IClassFixture<MicrobizzSandboxFixture>, IDisposable
{
    private readonly MicrobizzSandboxFixture _sandbox;
    private readonly PowerShellSession _session = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("erp-microbizz-").FullName;

    public MicrobizzTypedTests(MicrobizzSandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Server.Microbizz.Faults.Reset();
        _session.RunOk(MicrobizzSandboxFixture.Connect, sandbox.Variables());
    }

    public void Dispose()
    {
        _session.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private IDictionary Variables(params (string Name, object Value)[] more)
    {
        var variables = _sandbox.Variables();
        variables["folder"] = _folder;
        foreach (var (name, value) in more)
        {
            variables[name] = value;
        }

        return variables;
    }

    /// <summary>The sandbox logs a request once its answer is finished, which for a list the client closed early comes a moment later.</summary>
    private bool Logged(Func<ErpConnectors.Sandbox.LoggedRequest, bool> match) => _sandbox.Server.Requests.AnsweredSnapshot().Any(match);

    private int Requests => _sandbox.Server.Requests.AnsweredSnapshot().Count(r => string.Equals(r.System, "Microbizz", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void A_file_attached_to_a_task_comes_back_byte_for_byte()
    {
        byte[] content = Enumerable.Range(0, 5000).Select(i => (byte)(i * 7 % 256)).ToArray(); // every byte value, not text
        string source = Path.Combine(_folder, "site photo.png");
        File.WriteAllBytes(source, content);
        int files = _sandbox.Server.Microbizz.FileCount;

        var result = _session.RunOk(@"
            $task = New-MicrobizzTask -Title 'Leak in the basement' -Description 'Under the stairs' -Status NEW -AttachmentPath $source -Confirm:$false
            $task.task_id
            $saved = Save-MicrobizzFile task $task attachment $folder/copy.bin
            $saved.FullName
            (Get-MicrobizzTask -Id $task.task_id -IncludeBinaryData).attachment.mimetype
            $task | Save-MicrobizzFile -Type task -Field attachment -Path $folder/missing/copy.bin -ErrorAction SilentlyContinue
            $Error[0].FullyQualifiedErrorId", Variables(("source", source)));

        Assert.Equal(Path.Combine(_folder, "copy.bin"), result[1].BaseObject);
        Assert.Equal(content, File.ReadAllBytes(Path.Combine(_folder, "copy.bin")));
        Assert.Equal("image/png", result[2].BaseObject);
        Assert.StartsWith("Microbizz.FolderNotFound", (string)result[3].BaseObject, StringComparison.Ordinal);
        Assert.Equal(files + 1, _sandbox.Server.Microbizz.FileCount);

        // Into an existing folder the server's file name is kept; an existing file needs -Force.
        Directory.CreateDirectory(Path.Combine(_folder, "downloads"));
        var again = _session.RunOk(@"
            (Save-MicrobizzFile task $id attachment $folder/downloads).Name
            Save-MicrobizzFile task $id attachment $folder/downloads -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId
            (Save-MicrobizzFile task $id attachment $folder/downloads -Force).Length", Variables(("id", result[0].BaseObject)));
        Assert.Equal("site photo.png", again[0].BaseObject);
        Assert.StartsWith("Microbizz.FileExists", (string)again[1].BaseObject, StringComparison.Ordinal);
        Assert.Equal((long)content.Length, again[2].BaseObject);
    }

    [Fact]
    public void An_attachment_is_replaced_and_removed_and_other_fields_are_kept()
    {
        string first = Path.Combine(_folder, "a.txt");
        string second = Path.Combine(_folder, "b.pdf");
        File.WriteAllText(first, "first");
        File.WriteAllBytes(second, [37, 80, 68, 70]);

        var result = _session.RunOk(@"
            $task = New-MicrobizzTask -Title 'Gutter' -AttachmentPath $first -Confirm:$false
            $files = $sandbox.FileCount
            $changed = $task | Set-MicrobizzTask -AttachmentPath $second -Status DONE -PassThru -Confirm:$false
            $changed.title; $changed.status
            (Get-MicrobizzTask $task.task_id -IncludeBinaryData).attachment.mimetype
            $sandbox.FileCount - $files
            $removed = $task | Set-MicrobizzTask -RemoveAttachment -PassThru -Confirm:$false
            $null -eq $removed.attachment
            $sandbox.FileCount - $files", Variables(("first", first), ("second", second)));

        Assert.Equal("Gutter", result[0].BaseObject);
        Assert.Equal("DONE", result[1].BaseObject);
        Assert.Equal("application/pdf", result[2].BaseObject);
        Assert.Equal(0, result[3].BaseObject); // replaced: the old file is gone
        Assert.Equal(true, result[4].BaseObject);
        Assert.Equal(-1, result[5].BaseObject);
    }

    [Fact]
    public void A_missing_or_unusable_path_is_an_error_before_anything_is_sent()
    {
        int before = Requests;
        var missing = _session.Run("New-MicrobizzTask -Title 'x' -AttachmentPath $folder/nope.jpg -Confirm:$false", Variables());
        var folder = _session.Run("Set-MicrobizzTask -Id 1 -AttachmentPath $folder -Confirm:$false", Variables());
        var save = _session.Run("Save-MicrobizzFile task 1 attachment $folder/no/such/dir/x.bin", Variables());
        int after = Requests;

        var error = Assert.Single(missing.Errors);
        Assert.Equal("Microbizz.FileNotFound", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(_folder + "/nope.jpg", error.TargetObject); // the path as the user gave it
        Assert.Equal("Microbizz.PathIsDirectory", Assert.Single(folder.Errors).FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("Microbizz.FolderNotFound", Assert.Single(save.Errors).FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(before, after);
    }

    [Fact]
    public void Unread_notifications_are_marked_read_and_removed_from_the_pipeline()
    {
        var result = _session.RunOk(@"
            1..3 | ForEach-Object { New-MicrobizzObject notification @{ text = 'typed'; is_read = $false } -Confirm:$false } | Out-Null
            $unread = @(Get-MicrobizzNotification -Unread)
            $unread.Count -ge 3
            @($unread | Where-Object is_read).Count
            $unread | Set-MicrobizzNotification -IsRead $true -Confirm:$false
            @(Get-MicrobizzNotification -Unread).Count
            $mine = @(Get-MicrobizzNotification -Filter @{ text = 'typed' })
            $mine.Count
            $mine | Remove-MicrobizzNotification -Confirm:$false
            @(Get-MicrobizzNotification -Filter @{ text = 'typed' }).Count");

        Assert.Equal(true, result[0].BaseObject);
        Assert.Equal(0, result[1].BaseObject);
        Assert.Equal(0, result[2].BaseObject);
        Assert.Equal(3, result[3].BaseObject);
        Assert.Equal(0, result[4].BaseObject);
        Assert.True(Logged(r => r.Method == "GET" && r.Path.EndsWith("/notification", StringComparison.Ordinal) && r.QueryString.Contains("is_read=0", StringComparison.Ordinal)));
    }

    [Fact]
    public void Tasks_pipe_into_assignments_and_assignments_back_into_tasks()
    {
        var result = _session.RunOk(@"
            $user = Get-MicrobizzCurrentUser
            $made = @(Get-MicrobizzTask -Id 11, 12 | Add-MicrobizzAssignment -UserId $user.user_id -Confirm:$false)
            $made.Count
            ($made | ForEach-Object task_ref) -join ','
            ($made[0].PSObject.Properties.Name -join ',')
            $tasks = @(Get-MicrobizzAssignment -TaskId 11 -UserId $user.user_id | Get-MicrobizzTask)
            '{0} {1}' -f ($tasks.Count -ge 1), @($tasks | Where-Object task_id -ne 11).Count
            $made | Remove-MicrobizzAssignment -Confirm:$false
            @(Get-MicrobizzAssignment -Filter @{ task_ref = 12; user_ref = $user.user_id } | Where-Object assignment_id -eq $made[1].assignment_id).Count");

        Assert.Equal(2, result[0].BaseObject);
        Assert.Equal("11,12", result[1].BaseObject);
        Assert.Equal("assignment_id,task_ref,user_ref", string.Join(",", result[2].ToString()!.Split(',').Where(n => !n.StartsWith('@')).Order(StringComparer.Ordinal))); // the document's fields, no more
        Assert.Equal("True 0", result[3].BaseObject); // every assignment of task 11 leads back to task 11
        Assert.Equal(0, result[4].BaseObject);
    }

    [Fact]
    public void Companies_change_only_the_given_fields_and_connections_link_foreign_companies()
    {
        var result = _session.RunOk(@"
            $before = Get-MicrobizzCompany 1
            $after = $before | Set-MicrobizzCompany -City 'Aarhus' -ContactPerson 'Mette' -PassThru -Confirm:$false
            $after.city; $after.contactperson; $after.companyname -eq $before.companyname
            $foreign = Get-MicrobizzForeignCompany -First 1
            $link = $foreign | New-MicrobizzCompanyConnection -CompanyId 1 -Outgoing -Text 'typed' -Confirm:$false
            $link.outgoing_connection; $link.foreigncompany_ref -eq $foreign.foreigncompany_id
            (Get-MicrobizzCompanyConnection $link.connection_id | Get-MicrobizzForeignCompany).foreigncompany_id -eq $foreign.foreigncompany_id
            $link | Remove-MicrobizzCompanyConnection -Confirm:$false
            @(Get-MicrobizzCompanyConnection -Filter @{ text = 'typed' }).Count");

        Assert.Equal(new object[] { "Aarhus", "Mette", true, true, true, true, 0 }, result.Select(r => r.BaseObject));
    }

    [Fact]
    public void Subscription_payment_url_and_device_registration()
    {
        var whatIf = _session.RunOk("Stop-MicrobizzSubscription -CompanyId 1 -WhatIf; (Get-MicrobizzSubscription).renewing");
        Assert.Equal(true, Assert.Single(whatIf).BaseObject);
        Assert.True(_sandbox.Server.Microbizz.SubscriptionRenewing);

        var result = _session.RunOk(@"
            (Get-MicrobizzSubscription).got_subscription
            (Get-MicrobizzCurrentUser | ForEach-Object { [pscustomobject]@{ company_id = 1 } } | Stop-MicrobizzSubscription -PassThru -Confirm:$false).renewing
            Get-MicrobizzPaymentUrl
            Register-MicrobizzDevice -Platform IOS -DeviceId 'typed-device-1' -Confirm:$false");

        Assert.Equal(true, result[0].BaseObject);
        Assert.Equal(false, result[1].BaseObject);
        Assert.False(_sandbox.Server.Microbizz.SubscriptionRenewing);
        Assert.StartsWith("http://127.0.0.1", Assert.IsType<string>(result[2].BaseObject), StringComparison.Ordinal);
        Assert.Equal(3, result.Count); // a device registration returns nothing
        Assert.Contains(_sandbox.Server.Microbizz.DeviceIds, d => d.Key == "typed-device-1" && d.Value == "ios");
    }

    [Fact]
    public void Filters_go_on_the_wire_and_nothing_to_change_is_refused()
    {
        var result = _session.RunOk("@(Get-MicrobizzTask -Status DONE -First 20 | Where-Object status -ne 'DONE').Count; @(Get-MicrobizzTask -Status DONE -First 20).Count");
        Assert.Equal(0, result[0].BaseObject);
        Assert.Equal(20, result[1].BaseObject);
        Assert.True(Logged(r => r.Path.EndsWith("/task", StringComparison.Ordinal) && r.QueryString.Contains("status=DONE", StringComparison.Ordinal)));

        var empty = _session.Run("Set-MicrobizzTask -Id 5 -Confirm:$false");
        var error = Assert.Single(empty.Errors);
        Assert.Equal("Microbizz.NothingToChange", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
    }

    [Fact]
    public void Tasks_from_csv_rows_bind_by_column_name()
    {
        var result = _session.RunOk(@"
            # CSV rows, as Import-Csv gives them: every value a string.
            $rows = 'title,description,status,company_ref', 'Roof,Tiles loose,NEW,1', 'Door,Hinge,STARTED,1' | ConvertFrom-Csv
            $made = @($rows | New-MicrobizzTask -Confirm:$false)
            ($made | ForEach-Object { '{0}/{1}/{2}/{3}' -f $_.title, $_.description, $_.status, $_.company_ref }) -join ';'
            $made[0].PSObject.TypeNames[0]");

        Assert.Equal("Roof/Tiles loose/NEW/1;Door/Hinge/STARTED/1", result[0].BaseObject);
        Assert.Equal("ErpConnectors.Microbizz.task", result[1].BaseObject);
    }

    [Fact]
    public void A_field_one_piped_row_gives_is_not_sent_for_the_next_and_empty_cells_are_not_sent()
    {
        var result = _session.RunOk(@"
            $rows = [pscustomobject]@{ title = 'With company'; company_ref = '1'; description = 'x' },
                    [pscustomobject]@{ title = 'Without' },
                    [pscustomobject]@{ title = 'Empty cells'; company_ref = ''; description = '' }
            $made = @($rows | New-MicrobizzTask -Confirm:$false)
            $made | ForEach-Object { '{0}|{1}|{2}' -f $_.title, $_.company_ref, $_.description }
            $tasks = @(Get-MicrobizzTask -Id 21, 22)
            $assigned = @($tasks | Add-MicrobizzAssignment -UserId 1 -Confirm:$false)
            @([pscustomobject]@{ task_id = 23; start = '2026-12-02 09:30' } | Add-MicrobizzAssignment -UserId 1 -Confirm:$false)[0].task_ref
            @(Get-MicrobizzAssignment -TaskId 21 -UserId 1 | Where-Object assignment_id -eq $assigned[0].assignment_id).Count");

        Assert.Equal("With company|1|x", result[0].BaseObject);
        Assert.Equal("Without||", result[1].BaseObject);
        Assert.Equal("Empty cells||", result[2].BaseObject);
        Assert.Equal("23", result[3].ToString()); // a start column is no field of an assignment: not sent (the sandbox would refuse it)
        Assert.Equal(1, result[4].BaseObject);
    }

    [Fact]
    public void Ids_and_records_pipe_into_the_typed_cmdlets_and_WhatIf_names_each_row()
    {
        var result = _session.RunOk(@"
            (31 | Set-MicrobizzTask -Status ACCEPTED -PassThru -Confirm:$false).status
            $made = New-MicrobizzTask -Title 'Assigned twice' -Confirm:$false
            $made | Add-MicrobizzAssignment -UserId 2 -Confirm:$false | Out-Null
            @($made | Get-MicrobizzAssignment).Count
            @(Get-MicrobizzUser -Id 2 | Get-MicrobizzAssignment | Where-Object task_ref -eq $made.task_id).Count");
        Assert.Equal(new object[] { "ACCEPTED", 1, 1 }, result.Select(r => r.BaseObject));

        int before = Requests;
        var whatIf = _session.Run(@"[pscustomobject]@{ title = 'Roof' }, [pscustomobject]@{ title = 'Door' } | New-MicrobizzTask -WhatIf");
        Assert.Equal(before, Requests);
        Assert.Empty(whatIf.Errors);

        var errors = _session.Run("Save-MicrobizzFile currentuser 1 photo $folder/x.bin; Save-MicrobizzFile task 1, 2 attachment $folder", Variables());
        Assert.Equal("Microbizz.NoFileFields", Assert.IsAssignableFrom<IContainsErrorRecord>(errors.Terminating).ErrorRecord.FullyQualifiedErrorId.Split(',')[0]);
        var many = _session.Run("Save-MicrobizzFile task 1, 2 attachment $folder", Variables());
        Assert.Equal("Microbizz.OneIdAtATime", Assert.Single(many.Errors).FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(before, Requests);
    }
}
