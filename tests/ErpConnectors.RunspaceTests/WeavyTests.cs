using System.Collections;
using System.Management.Automation;
using System.Text.Json;
using ErpConnectors.Sandbox;

namespace ErpConnectors.RunspaceTests;

public class WeavyReadTests : IClassFixture<WeavySandboxFixture>
{
    private readonly WeavySandboxFixture _sandbox;

    public WeavyReadTests(WeavySandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    [Fact]
    public void Every_record_streams_once_across_a_token_expiry()
    {
        using var session = new PowerShellSession();
        session.RunOk(WeavySandboxFixture.Connect, _sandbox.Variables());
        int signIns = _sandbox.Server.Weavy.AuthenticationRequests;

        var codes = session.RunOk(@"
            $n = 0
            Get-WeavyRecord customer -Property customer_ID | ForEach-Object { $n++; if ($n -eq 1500) { $sandbox.ExpireTokens() }; $_.customer_ID }", _sandbox.Variables());

        Assert.Equal(WeavySandboxFixture.Customers, codes.Count);
        Assert.Equal(WeavySandboxFixture.Customers, codes.Select(c => c.BaseObject).Distinct().Count());
        Assert.Equal(signIns + 1, _sandbox.Server.Weavy.AuthenticationRequests);
        var pages = _sandbox.Calls("POST", "/Select");
        Assert.Equal(new long[] { 0, 1000, 2000, 3000, 4000, 5000 }, pages.Where(p => p.StatusCode == 200).Select(p => JsonDocument.Parse(p.Body!).RootElement.GetProperty("offset").GetInt64()));
    }

    [Fact]
    public void A_server_that_caps_pages_below_the_limit_still_gives_every_record()
    {
        using var session = new PowerShellSession();
        session.RunOk(WeavySandboxFixture.Connect, _sandbox.Variables());
        _sandbox.Server.Weavy.Options.SelectPageCap = 700; // fewer than the 1000 asked, without a word
        try
        {
            var codes = session.RunOk("Get-WeavyRecord customer -Property customer_ID | ForEach-Object customer_ID", _sandbox.Variables());

            Assert.Equal(WeavySandboxFixture.Customers, codes.Select(c => c.BaseObject).Distinct().Count());
            var pages = _sandbox.Calls("POST", "/Select");
            Assert.Equal(0, pages.Count(p => p.StatusCode == 200 && JsonDocument.Parse(p.Body!).RootElement.GetProperty("limit").GetInt32() != 1000));
        }
        finally
        {
            _sandbox.Server.Weavy.Options.SelectPageCap = 0;
        }
    }

    [Fact]
    public void Filters_groups_and_sorting_go_on_the_wire_as_the_contract_says()
    {
        using var session = new PowerShellSession();
        var rows = session.RunOk(WeavySandboxFixture.Connect + @"
            Get-WeavyRecord customer -Filter ([ordered]@{ city = 'Lyon', 'Lille'; revenue = @{ GreaterThan = 1000; LessThan = 200000 } }) -Or -ChangedSince '2000-01-01' -Property customer_ID, city, revenue -SortBy revenue -Descending -First 20", _sandbox.Variables());

        Assert.NotEmpty(rows);
        var body = JsonDocument.Parse(_sandbox.Calls("POST", "/Select")[^1].Body!).RootElement;
        Assert.Equal("customer", body.GetProperty("entityName").GetString());
        Assert.Equal("C01", body.GetProperty("companyCode").GetString());
        Assert.Equal(20, body.GetProperty("limit").GetInt32());
        var filters = body.GetProperty("filterFields").EnumerateArray().ToList();
        // The nested hashtable's operators come in the hashtable's order; the -ChangedSince condition comes last.
        Assert.Equal(new[] { "GreaterThan", "In", "LessThan" }, filters.Take(3).Select(f => f.GetProperty("operator").GetString()).Order());
        Assert.Equal("In", filters.Single(f => f.GetProperty("fieldName").GetString() == "city").GetProperty("operator").GetString());
        // -ChangedSince as the production integration filters changes: srvDate GreaterThan, a second before.
        Assert.Equal("GreaterThan", filters[3].GetProperty("operator").GetString());
        Assert.Equal("srvDate", filters[3].GetProperty("fieldName").GetString());
        var group = body.GetProperty("filterGroups")[0];
        Assert.Equal("OR", group.GetProperty("groupLogicalOperator").GetString());
        Assert.Equal(new[] { "f1", "f2", "f3" }, group.GetProperty("filterKeys").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal("DESC", body.GetProperty("sortFields")[0].GetProperty("direction").GetString());
        var revenues = rows.Select(r => Convert.ToDecimal(r.Properties["revenue"].Value ?? 0m)).ToList();
        Assert.Equal(revenues.OrderByDescending(r => r), revenues);
    }

    [Fact]
    public void An_unknown_field_or_operator_is_refused_before_anything_is_sent()
    {
        using var session = new PowerShellSession();
        session.RunOk(WeavySandboxFixture.Connect + "; Get-WeavyEntity customer | Out-Null", _sandbox.Variables());
        _sandbox.Server.Requests.ClearWhenAnswered();

        var field = session.Run("Get-WeavyRecord customer -Filter @{ citty = 'Lyon' }");
        var op = session.Run("Get-WeavyRecord customer -Filter @{ city = @{ Like = 'Ly' } }");

        Assert.Equal("citty", Assert.IsAssignableFrom<IContainsErrorRecord>(field.Terminating).ErrorRecord.TargetObject);
        Assert.Equal("Like", Assert.IsAssignableFrom<IContainsErrorRecord>(op.Terminating).ErrorRecord.TargetObject);
        Assert.Empty(_sandbox.Calls("POST", "/Select"));
    }

    [Fact]
    public void The_dictionary_gives_fields_with_labels_and_is_read_once()
    {
        using var session = new PowerShellSession();
        var fields = session.RunOk(WeavySandboxFixture.Connect + "; Get-WeavyEntity customer; Get-WeavyEntity customer | Out-Null; @(Get-WeavyEntity).Count", _sandbox.Variables());

        Assert.Contains(fields, f => (string?)f.Properties["fieldName"]?.Value == "customer_ID");
        Assert.All(fields.Take(fields.Count - 1), f => Assert.False(string.IsNullOrEmpty(f.Properties["label"]?.Value?.ToString())));
        Assert.True((int)fields[^1].BaseObject >= 4);
        Assert.Single(_sandbox.Calls("GET", "/Dictionary/DEMO/customer"));
    }

    [Fact]
    public void Records_by_code_with_a_missing_one_reported()
    {
        using var session = new PowerShellSession();
        var result = session.Run(WeavySandboxFixture.Connect + "; $codes = @(Get-WeavyRecord customer -First 2 | ForEach-Object customer_ID); $codes[0], 'NOPE', $codes[1] | Get-WeavyRecord customer", _sandbox.Variables());

        Assert.Equal(2, result.Output.Count);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("NOPE", error.TargetObject);
        Assert.All(result.Output, r => Assert.Equal("ErpConnectors.Weavy.customer", r.TypeNames[0]));
    }

    [Fact]
    public void Verbose_and_Debug_never_show_the_password_or_token()
    {
        using var session = new PowerShellSession();
        var result = session.Run(WeavySandboxFixture.Connect + " -Verbose -Debug; Get-WeavyRecord customer -First 2 -Verbose -Debug", _sandbox.Variables());

        Assert.Null(result.Terminating);
        string everything = string.Join("\n", result.Verbose.Concat(result.Debug));
        Assert.Contains("Weavy POST /weavy/v1/Data/DEMO/Select", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(SandboxCredentials.WeavyPassword, everything, StringComparison.Ordinal);
        string token = _sandbox.Calls("POST", "/Select")[0].Headers["Authorization"]["Bearer ".Length..];
        Assert.DoesNotContain(token, everything, StringComparison.Ordinal);
    }
}

public class WeavyImportTests : IClassFixture<WeavySandboxFixture>
{
    private readonly WeavySandboxFixture _sandbox;

    public WeavyImportTests(WeavySandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    private static string Rows(string prefix, int count, string extra = "") =>
        $"1..{count} | ForEach-Object {{ [pscustomobject]@{{ customer_ID = '{prefix}{{0:D5}}' -f $_; name = \"Row $_\"; city = 'Nantes'{extra} }} }}";

    [Fact]
    public void Csv_rows_go_in_three_batches_and_a_429_is_sent_again_with_every_row_applied_once()
    {
        using var session = new PowerShellSession();
        session.RunOk(WeavySandboxFixture.Connect, _sandbox.Variables());
        int before = _sandbox.Server.Weavy.Count("customer");
        int applied = _sandbox.Server.Weavy.AppliedBulkImports;
        _sandbox.Server.Weavy.Faults.Enqueue(new InjectedFault(429, "POST", "/BulkImport", SkipMatches: 1));

        var results = session.RunOk(Rows("A", 2500) + " | Invoke-WeavyDatasetImport customer");

        Assert.Equal(new[] { 1000, 1000, 500 }, results.Select(r => (int)r.Properties["Rows"].Value));
        Assert.Equal(new[] { 1, 2, 3 }, results.Select(r => (int)r.Properties["Batch"].Value));
        Assert.Equal(before + 2500, _sandbox.Server.Weavy.Count("customer"));
        Assert.Equal(applied + 3, _sandbox.Server.Weavy.AppliedBulkImports);
        Assert.Equal(4, _sandbox.Calls("POST", "/BulkImport").Count); // the refused batch once more
        Assert.Equal("A00001", results[0].Properties["FirstCode"].Value);
        Assert.Equal("A02500", results[2].Properties["LastCode"].Value);
    }

    [Fact]
    public void A_batch_with_a_bad_row_is_reported_with_its_rows_and_the_others_land()
    {
        using var session = new PowerShellSession();
        session.RunOk(WeavySandboxFixture.Connect, _sandbox.Variables());
        int before = _sandbox.Server.Weavy.Count("customer");

        // Row 1500 carries a revenue the server cannot read: its whole batch (1001-2000) is refused, atomically.
        var result = session.Run("1..2500 | ForEach-Object { @{ customer_ID = 'B{0:D5}' -f $_; name = \"Row $_\"; revenue = $(if ($_ -eq 1500) { '12,5' } else { 12.5 }) } } | Invoke-WeavyDatasetImport customer -ErrorVariable failed; $failed.Count; $failed[0].TargetObject.Count");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("Batch 2 (rows 1001-2000, customer B01001..B02000)", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(1000, ((object[])error.TargetObject).Length);
        Assert.Equal(before + 1500, _sandbox.Server.Weavy.Count("customer"));
        Assert.Equal(2, result.Output.Count(o => o.TypeNames[0] == "ErpConnectors.Weavy.ImportResult"));
        Assert.Equal(3, _sandbox.Calls("POST", "/BulkImport").Count); // never replayed
    }

    [Fact]
    public void Rows_without_a_code_are_refused_and_never_sent()
    {
        using var session = new PowerShellSession();
        session.RunOk(WeavySandboxFixture.Connect, _sandbox.Variables());

        var result = session.Run("@{ customer_ID = 'C1'; name = 'one' }, @{ name = 'no code' }, @{ customer_ID = 'C2'; name = 'two' } | Invoke-WeavyDatasetImport customer");

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        var body = Assert.Single(_sandbox.Calls("POST", "/BulkImport")).Body!;
        Assert.DoesNotContain("no code", body, StringComparison.Ordinal);
        Assert.Equal(2, JsonDocument.Parse(body).RootElement.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public void A_German_session_still_sends_dots_and_the_documents_date_format()
    {
        using var session = new PowerShellSession();
        session.RunOk(WeavySandboxFixture.Connect, _sandbox.Variables());

        session.RunOk(@"
            [System.Threading.Thread]::CurrentThread.CurrentCulture = [System.Globalization.CultureInfo]::GetCultureInfo('de-DE')
            [pscustomobject]@{ customer_ID = 'DE1'; name = 'Gmbh'; revenue = [decimal]1234.56; isActive = $true; createdOn = [datetime]::new(2024, 5, 1, 10, 30, 0) } | Invoke-WeavyDatasetImport customer");

        string body = Assert.Single(_sandbox.Calls("POST", "/BulkImport")).Body!;
        Assert.Contains("\"revenue\":1234.56", body, StringComparison.Ordinal);
        Assert.Contains("\"isActive\":true", body, StringComparison.Ordinal);
        Assert.Contains("\"createdOn\":\"2024-05-01T10:30:00\"", body, StringComparison.Ordinal);
        Assert.NotNull(_sandbox.Server.Weavy.Record("customer", "DE1"));
    }

    [Fact]
    public void The_export_loop_marks_rows_and_reports_one_changed_in_between()
    {
        using var session = new PowerShellSession();
        session.RunOk(WeavySandboxFixture.Connect + "; " + Rows("E", 30, "; status = 'EXP'") + " | Invoke-WeavyDatasetImport customer | Out-Null", _sandbox.Variables());

        var rows = session.RunOk("$rows = @(Get-WeavyRecord customer -ExportStatus 0 -Filter @{ status = 'EXP' }); $rows.Count");
        Assert.Equal(30, rows[0].BaseObject);
        var select = JsonDocument.Parse(_sandbox.Calls("POST", "/Select")[^1].Body!).RootElement;
        Assert.False(select.TryGetProperty("srvExport", out _)); // a filter on the record field, not an envelope field a server may not know
        Assert.Contains(select.GetProperty("filterFields").EnumerateArray(), f => f.GetProperty("fieldName").GetString() == "srvExport" && f.GetProperty("operator").GetString() == "Equal");
        _sandbox.Server.Weavy.Touch("customer", "E00007"); // someone changes it after it was read

        var result = session.Run("$rows | Confirm-WeavyExport -ExportStatus 1");

        var rejected = Assert.Single(result.Output);
        Assert.Equal("E00007", rejected.Properties["Code"].Value);
        Assert.Contains(result.Warnings, w => w.Contains("E00007", StringComparison.Ordinal));
        var records = _sandbox.Server.Weavy.Records("customer").Where(r => ((string?)r["customer_ID"])?.StartsWith('E') == true && ((string?)r["status"]) == "EXP").ToList();
        Assert.Equal(29, records.Count(r => Convert.ToInt32(r["srvExport"]) == 1));
        Assert.Equal(0, Convert.ToInt32(records.Single(r => (string?)r["customer_ID"] == "E00007")["srvExport"]));
    }

    [Fact]
    public void Data_sets_go_one_document_at_a_time_and_the_main_record_rule_is_checked_first()
    {
        using var session = new PowerShellSession();
        session.RunOk(WeavySandboxFixture.Connect, _sandbox.Variables());

        var result = session.Run(@"
            [ordered]@{ customer = @(@{ customer_ID = 'DS1'; name = 'Data set' }); customercontact = @(@{ customercontact_ID = 'DSC1'; customer_ID = 'DS1'; lastName = 'Martin' }) },
            [ordered]@{ customer = @(@{ customer_ID = 'DS2'; name = 'a' }, @{ customer_ID = 'DS3'; name = 'b' }) } | Invoke-WeavyDatasetImport -DataSet
            [ordered]@{ data = @{ customer = @(@{ customer_ID = 'RD1'; name = 'Relational' }); customercontact = @(@{ customercontact_ID = 'RDC1'; lastName = 'Petit' }) }
                        relations = @(@{ SourceEntityName = 'customer'; SourceRowCode = 'RD1'; TargetEntityName = 'customercontact'; TargetRowCode = 'RDC1'; TargetFieldName = 'customer_ID' }) } |
                Invoke-WeavyDatasetImport -Relational -NoResultData");

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("exactly one main record", error.Exception.Message, StringComparison.Ordinal);
        Assert.Single(_sandbox.Calls("POST", "/ImportDataSet"));
        Assert.Equal("DS1", _sandbox.Server.Weavy.Record("customercontact", "DSC1")!["customer_ID"]);
        Assert.Null(_sandbox.Server.Weavy.Record("customer", "DS2"));
        Assert.Equal("RD1", _sandbox.Server.Weavy.Record("customercontact", "RDC1")!["customer_ID"]);
        Assert.Contains("\"noResultData\":true", Assert.Single(_sandbox.Calls("POST", "/RelationalDataSet")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatIf_sends_no_write()
    {
        using var session = new PowerShellSession();
        session.RunOk(WeavySandboxFixture.Connect, _sandbox.Variables());
        _sandbox.Server.Requests.ClearWhenAnswered();

        session.RunOk(Rows("W", 5) + " | Invoke-WeavyDatasetImport customer -WhatIf; Remove-WeavyDataset customer -Code X1 -WhatIf; New-WeavyRecord customer @{ customer_ID = 'X2' } -WhatIf; Merge-WeavyRecord customer -Source A -Target B -WhatIf");

        Assert.DoesNotContain(_sandbox.Server.Requests.AnsweredSnapshot(), r => r.Method != "GET");
    }
}

public class WeavyServiceTests : IClassFixture<WeavySandboxFixture>
{
    private readonly WeavySandboxFixture _sandbox;

    public WeavyServiceTests(WeavySandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    [Fact]
    public void Records_are_created_changed_deleted_and_merged_one_by_one()
    {
        using var session = new PowerShellSession();
        var result = session.RunOk(WeavySandboxFixture.Connect + @"
            New-WeavyRecord customer @{ customer_ID = 'M1'; name = 'Source'; city = 'Lyon' } | Out-Null
            New-WeavyRecord customer @{ customer_ID = 'M2'; name = 'Target' } | Out-Null
            Get-WeavyRecord customer -Code M2 | Set-WeavyRecord customer -Property @{ email = 'target@example.fr' } -PassThru | ForEach-Object email
            Merge-WeavyRecord customer -Source M1 -Target M2 -Confirm:$false | ForEach-Object city
            'M2' | Remove-WeavyRecord customer -Physical -Confirm:$false", _sandbox.Variables());

        Assert.Equal("target@example.fr", result[0].BaseObject);
        Assert.Equal("Lyon", result[1].BaseObject); // the target took the source's missing value
        Assert.Null(_sandbox.Server.Weavy.Record("customer", "M2"));
        Assert.Single(_sandbox.Calls("DELETE", "/customer/M2"), r => r.QueryValue("deleteMode") == "Physical");
    }

    [Fact]
    public void Datasets_are_deleted_in_batches_of_codes()
    {
        using var session = new PowerShellSession();
        session.RunOk(WeavySandboxFixture.Connect + "; 1..30 | ForEach-Object { @{ product_ID = 'DEL{0:D3}' -f $_; label = \"P $_\" } } | Invoke-WeavyDatasetImport product | Out-Null", _sandbox.Variables());
        int before = _sandbox.Server.Weavy.Count("product");

        var results = session.RunOk("1..30 | ForEach-Object { 'DEL{0:D3}' -f $_ } | Remove-WeavyDataset product -BatchSize 20 -Confirm:$false");

        Assert.Equal(new[] { 20, 10 }, results.Select(r => (int)r.Properties["Codes"].Value));
        Assert.Equal(before - 30, _sandbox.Server.Weavy.Count("product"));
    }

    [Fact]
    public void Users_tasks_and_reports_reach_their_routes()
    {
        using var session = new PowerShellSession();
        int licences = _sandbox.Server.Weavy.LicenceCount;
        var result = session.RunOk(WeavySandboxFixture.Connect + @"
            [pscustomobject]@{ Login = 'new.user'; Name = 'New User'; Email = 'new@example.fr'; Status = 'Active' } | Set-WeavyUser -Confirm:$false | Out-Null
            @(Start-WeavyTask NIGHTLY, NIGHTLY, WEEKLY -Confirm:$false).Count
            @(Start-WeavyTask NIGHTLY -Confirm:$false).Count
            Send-WeavyReport -EventActionCode MAIL -OutboxCode C01 -ReportCode INVOICE -RowCode (Get-WeavyRecord customer -First 1).customer_ID -SourceEntity customer -UserCode U001 -Subject 'Your invoice' -To 'a@example.fr', 'b@example.fr' -Confirm:$false", _sandbox.Variables());

        Assert.Contains(_sandbox.Server.Weavy.Accounts, a => a.Login == "new.user");
        Assert.Equal(2, result[0].BaseObject); // NIGHTLY once, WEEKLY once
        Assert.Equal(0, result[1].BaseObject); // already pending
        var report = Assert.Single(_sandbox.Server.Weavy.OutboxReports, r => r.MessageSubject == "Your invoice");
        Assert.Equal("MAIL", report.EventActionCode);
        Assert.Equal(new[] { "a@example.fr", "b@example.fr" }, report.EmailTo);
        Assert.Equal(licences, _sandbox.Server.Weavy.LicenceCount);
    }
}
