# Export-Csv / Import-Csv round trips, as people move records through Excel: what goes out comes back in.
BeforeAll {
    . $PSScriptRoot/ErpTestHelper.ps1
    Connect-Severa -Sandbox -Scope customers:read, projects:read, hours:read, hours:write, users:read, settings:read
    Connect-Qics -Sandbox
    Connect-Weavy -Sandbox
    Connect-Microbizz -Sandbox
    $folder = Join-Path ([System.IO.Path]::GetTempPath()) ('erp-csv-' + [guid]::NewGuid().ToString('n'))
    $null = New-Item -ItemType Directory -Path $folder
}

AfterAll {
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Export-Csv and Import-Csv round trips' {
    It 'flattened Severa customers come back with the same values, nested fields as dotted columns' {
        $customers = @(Get-SeveraCustomer -First 20)
        $path = Join-Path $folder 'customers.csv'
        $customers | ConvertTo-ErpFlatObject | Export-Csv -Path $path -NoTypeInformation
        $rows = @(Import-Csv -Path $path)
        $rows | Should -HaveCount 20
        $rows[0].PSObject.Properties.Name | Should -Contain 'headquarterAddress.city'
        for ($i = 0; $i -lt 20; $i++) {
            $rows[$i].guid | Should -Be ([string]$customers[$i].guid)
            $rows[$i].name | Should -Be $customers[$i].name
            $rows[$i].number | Should -Be ([string]$customers[$i].number)
            $rows[$i].'headquarterAddress.city' | Should -Be ([string]$customers[$i].headquarterAddress.city)
        }
    }

    It 'Severa work hours from a CSV file (the README''s columns) are created' {
        $phase = Get-SeveraProject -First 1 | Get-SeveraPhase | Select-Object -First 1
        $workType = $phase | Get-SeveraWorkType | Select-Object -First 1
        $user = Get-SeveraUser -First 1
        $path = Join-Path $folder 'hours.csv'
        [pscustomobject]@{ EventDate = '2026-12-01'; Quantity = '6'; Description = 'Pester CSV hours'; PhaseGuid = $phase.guid; UserGuid = $user.guid; WorkTypeGuid = $workType.guid } |
            Export-Csv -Path $path -NoTypeInformation
        $created = @(Import-Csv -Path $path | New-SeveraWorkHour -Confirm:$false)
        $created | Should -HaveCount 1
        $created[0].quantity | Should -Be 6
        $created[0].description | Should -Be 'Pester CSV hours'
        (Get-SeveraWorkHour -Guid $created[0].guid).description | Should -Be 'Pester CSV hours'
    }

    It 'Weavy records exported, edited and imported again update the same records' {
        $path = Join-Path $folder 'weavy.csv'
        $before = @(Get-WeavyRecord customer -First 5 -Property customer_ID, name, city)
        $before | Export-Csv -Path $path -NoTypeInformation
        $edited = Join-Path $folder 'weavy-edited.csv'
        Import-Csv -Path $path | ForEach-Object { $_.city = 'Pester City'; $_ } | Export-Csv -Path $edited -NoTypeInformation
        $result = @(Import-Csv -Path $edited | Invoke-WeavyDatasetImport customer)
        $result | Should -HaveCount 1
        $result[0].Rows | Should -Be 5
        $result[0].Updated | Should -Be 5
        $after = @(Get-WeavyRecord customer -Filter @{ customer_ID = @($before.customer_ID) } -Property customer_ID, city)
        $after | Should -HaveCount 5
        $after.city | ForEach-Object { $_ | Should -Be 'Pester City' }
    }

    It 'QicsMilestones EntityStates from CSV rows (IsError as text) are stored' {
        $company = (Get-QicsEntity EntityState -First 1).CompanyId
        $path = Join-Path $folder 'states.csv'
        @(
            [pscustomobject]@{ CompanyId = $company; DataSource = 'PesterCsv'; EntityType = 'Customer'; EntityId = 9001; IsError = 'False'; Message = 'Synchronized' }
            [pscustomobject]@{ CompanyId = $company; DataSource = 'PesterCsv'; EntityType = 'Customer'; EntityId = 9002; IsError = 'True'; Message = 'Rejected' }
        ) | Export-Csv -Path $path -NoTypeInformation
        $states = @(Import-Csv -Path $path | Set-QicsEntityState -PassThru)
        $states | Should -HaveCount 2
        ($states | Where-Object EntityId -eq 9002).IsError | Should -BeTrue
        ($states | Where-Object EntityId -eq 9001).IsError | Should -BeFalse
    }

    It 'a Microbizz task from a CSV row is created, and exported back with the same values' {
        $path = Join-Path $folder 'tasks.csv'
        'title,status,company_ref', 'Pester CSV task,NEW,1' | Set-Content -LiteralPath $path
        $task = Import-Csv -Path $path | New-MicrobizzTask -Confirm:$false
        $task.title | Should -Be 'Pester CSV task'
        $out = Join-Path $folder 'tasks-out.csv'
        Get-MicrobizzTask -Id $task.task_id | ConvertTo-ErpFlatObject | Export-Csv -Path $out -NoTypeInformation
        $row = Import-Csv -Path $out
        $row.task_id | Should -Be ([string]$task.task_id)
        $row.title | Should -Be 'Pester CSV task'
        $row.status | Should -Be 'NEW'
    }
}
