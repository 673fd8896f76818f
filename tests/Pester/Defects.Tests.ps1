# What people met in real pwsh (issue 15, part 2 and the completers of part 3), tested as they would meet it.
BeforeAll {
    . $PSScriptRoot/ErpTestHelper.ps1
    Connect-Severa -Sandbox -Scope customers:read, projects:read, invoices:read, hours:read, hours:write, hours:delete, users:read, settings:read
    Connect-Jiwa -Sandbox
    Connect-Qics -Sandbox
    Connect-Weavy -Sandbox
    Connect-Microbizz -Sandbox
    $folder = Join-Path ([System.IO.Path]::GetTempPath()) ('erp-defects-' + [guid]::NewGuid().ToString('n'))
    $null = New-Item -ItemType Directory -Path $folder
    function Complete([string] $line) {
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
    }
}

AfterAll {
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Numbers from CSV cells and the export -> edit -> import round trip' {
    BeforeAll {
        $path = Join-Path $folder 'hours.csv'
        Get-SeveraWorkHour -First 2 | ConvertTo-ErpFlatObject | Export-Csv -Path $path -NoTypeInformation
    }

    It 'a flattened work hour, edited with a decimal comma, goes back into New-SeveraWorkHour' {
        $rows = @(Import-Csv -Path $path)
        $rows[0].PSObject.Properties.Name | Should -Contain 'phase.guid'
        $rows[0].quantity = '1,5'
        $rows[0].description = 'Pester round trip'
        $created = @($rows[0] | New-SeveraWorkHour -Confirm:$false)
        $created | Should -HaveCount 1
        $created[0].quantity | Should -Be 1.5
        $created[0].phase.guid | Should -Be $rows[0].'phase.guid'
        $created[0] | Remove-SeveraWorkHour -Confirm:$false
    }

    It 'an ambiguous number (1,500) is refused, naming the value, and nothing is created' {
        $row = @(Import-Csv -Path $path)[0]
        $row.quantity = '1,500'
        $created = @($row | New-SeveraWorkHour -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue)
        $created | Should -HaveCount 0
        $failed | Should -HaveCount 1
        $failed[0].Exception.Message | Should -Match "'1,500' is ambiguous"
    }

    It 'dates in the file are ISO 8601, whatever the culture' {
        $text = Get-Content -LiteralPath $path -Raw
        $text | Should -Match '"\d{4}-\d{2}-\d{2}"'
        $text | Should -Match '"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\+|-)\d{2}:\d{2}"'
        $text | Should -Not -Match '\d{2}/\d{2}/\d{4}'
    }
}

Describe 'Records as tables, CSV and JSON show them' {
    It 'a Qics record read by id has no @odata.context column' {
        $path = Join-Path $folder 'qics.csv'
        Get-QicsEntity Customer -Id 1 | Export-Csv -Path $path -NoTypeInformation
        (Get-Content -LiteralPath $path -TotalCount 1) | Should -Not -Match '@odata'
        (Get-QicsEntity Customer -Id 1 | ConvertTo-Json -Compress) | Should -Not -Match '@odata'
    }

    It 'Qics and Weavy tables show field columns, not one Values column' {
        $qics = Get-QicsEntity OverviewCustomer -First 2 | Format-Table | Out-String
        $qics | Should -Match 'CustomerId\s+Code\s+Name\s+Email'
        $qics | Should -Not -Match 'Values'
        $chosen = Get-QicsEntity OverviewCustomer -First 2 -Property Name, City | Format-Table | Out-String
        $chosen | Should -Match 'Name\s+City'
        $weavy = Get-WeavyRecord -Entity customer -First 2 | Format-Table | Out-String
        $weavy | Should -Match 'customer_ID\s+name\s+city\s+email'
        $weavy | Should -Not -Match 'Values'
    }

    It 'Jiwa -IncludeTotalCount gives the total the API returns' {
        $all = @(Get-JiwaDebtor -First 2 -IncludeTotalCount)
        $all | Should -HaveCount 3
        ($all[0] | Out-String) | Should -Match 'Total count: \d+'
        ($all[0] | Out-String) | Should -Not -Match 'Unknown'
    }

    It 'the README headline example (changed in the last 30 days) writes rows' {
        $path = Join-Path $folder 'customers.csv'
        Get-SeveraCustomer -ChangedSince (Get-Date).AddDays(-30) | ConvertTo-ErpFlatObject | Export-Csv $path -NoTypeInformation
        @(Import-Csv -Path $path).Count | Should -BeGreaterThan 0
        @(Get-WeavyRecord customer -ChangedSince (Get-Date).AddDays(-1)).Count | Should -BeGreaterThan 0
    }
}

Describe 'Messages' {
    It 'Jiwa says a wrong OrderBy field once' {
        Get-JiwaDebtor -First 1 -OrderBy Nme -ErrorVariable failed -ErrorAction SilentlyContinue
        ([regex]::Matches($failed[0].Exception.Message, 'OrderBy')).Count | Should -Be 1
    }

    It 'a Jiwa line with an unknown key names it, and the target is not a Hashtable' {
        New-JiwaSalesOrder -DebtorID (Get-JiwaDebtor -First 1).DebtorID -Line @{ PartNo = 'X'; Qty = 2 } -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].Exception.Message | Should -Match "'Qty'"
        $failed[0].CategoryInfo.ToString() | Should -Not -Match 'Hashtable'
    }

    It 'Weavy lists each field once' {
        { Get-WeavyRecord -Entity customer -Property cod -ErrorAction Stop } | Should -Throw
        $fields = ($Error[0].Exception.Message -split 'Its fields: ')[1].TrimEnd('.') -split ', '
        $fields.Count | Should -Be @($fields | Sort-Object -Unique).Count
    }

    It 'a Severa 404 is NotFound' {
        Get-SeveraCustomer -Guid ([guid]::NewGuid()) -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Severa.NotFound,*'
    }

    It 'a wrong Microbizz password says to check it, not that a token expired' {
        $cred = [pscredential]::new('sandbox-user', (ConvertTo-SecureString 'wrong' -AsPlainText -Force))
        $uri = (Get-MicrobizzConnection).BaseUri
        { Connect-Microbizz -BaseUri $uri -Credential $cred } | Should -Throw
        $Error[0].ErrorDetails.RecommendedAction | Should -Match 'password'
        $Error[0].ErrorDetails.RecommendedAction | Should -Not -Match 'expired'
    }
}

Describe 'Completion of known sets (TabExpansion2)' {
    It 'Severa -StatusGuid by status name' {
        $approved = (Get-SeveraInvoiceStatus | Where-Object name -eq 'Approved').guid
        $match = @(Complete 'Get-SeveraInvoice -StatusGuid Appr')
        $match | Should -HaveCount 1
        $match[0].CompletionText | Should -Be ([string]$approved)
        $match[0].ListItemText | Should -Be 'Approved'
    }

    It 'Jiwa -OrderBy, Qics -Property/-OrderBy, Microbizz -Status' {
        @(Complete 'Get-JiwaDebtor -OrderBy Na').CompletionText | Should -Contain 'Name'
        @(Complete 'Get-QicsEntity OverviewCustomer -Property Ci').CompletionText | Should -Be @('City')
        @(Complete 'Get-QicsEntity OverviewCustomer -OrderBy Na').CompletionText | Should -Be @('Name')
        @(Complete 'Get-MicrobizzTask -Status ').CompletionText | Should -Be @('NEW', 'ACCEPTED', 'STARTED', 'DONE', 'REJECTED')
    }
}
