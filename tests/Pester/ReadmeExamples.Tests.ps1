# Every marked README block, run as written in a new pwsh (-NonInteractive, stdin closed, as in a runbook) on a
# sandbox of its own, so the figures the README promises (a first import adds every row) hold whatever else ran.
BeforeAll {
    . $PSScriptRoot/ErpTestHelper.ps1
    $sandbox = Start-ErpTestSandbox

    function Invoke-ReadmeBlock([string] $Name) {
        $script = "`$ErrorActionPreference = 'Stop'; Import-Module `$env:ERP_MODULE`n" + (Get-ErpReadmeBlock $Name)
        $run = Invoke-ErpPwsh $script -Environment @{ ERPCONNECTORS_SANDBOX_URI = $sandbox.Uri }
        $run.Errors | Should -BeNullOrEmpty
        $run.ExitCode | Should -Be 0
        @($run.Output -split '\r?\n' | Where-Object { $_.Trim() })
    }
}

AfterAll {
    Stop-ErpTestSandbox $sandbox
}

Describe 'The README examples in pwsh' {
    It 'runs the quick start and shows the default table views' {
        $lines = Invoke-ReadmeBlock 'quickstart'
        $customers = [array]::FindIndex([string[]]$lines, [Predicate[string]] { $args[0] -match '^\s*Number\s+Name\s+IsActive\s+Email\s+Owner\s+City\s*$' })
        $customers | Should -BeGreaterOrEqual 0
        $lines[($customers + 2)..($customers + 6)] | Should -Match '^\s*\d+ Customer '
        @($lines | Where-Object { $_ -match '^\s*Number\s+Date\s+DueDate\s+Customer\s+Status\s+TotalExcludingTax\s*$' }) | Should -HaveCount 1
        @($lines | Where-Object { $_ -match '^Description\s+Quantity\s+UnitPrice\s+VatRate\s+TotalExcludingTax\s*$' }) | Should -HaveCount 1
        $lines[-1] | Should -Match '^\d+ active customers written to .*active-customers\.csv$'
    }

    It 'runs the Jiwa example' {
        $lines = Invoke-ReadmeBlock 'jiwa-example'
        $lines | Should -HaveCount 8
        $lines[5] | Should -Match '^Order SO\d+ for C\d+: 2 lines, 2 notes, total [1-9]'
        $lines[6] | Should -Match '^SO\d+ C\d+$'
        $lines[7] | Should -Match '^C\d+: phone 02 9999 0000, credit limit 5000$'
    }

    It 'runs the QicsMilestones example' {
        $lines = Invoke-ReadmeBlock 'qics-example'
        $lines[0] | Should -Match '^\d+ active customers; first: '
        $lines[1] | Should -Match '^Customer \d+: error=False Synchronized$'
        $lines[2] | Should -Match '^Customer \d+: error=True E-mail address rejected \| Phone number too long$'
    }

    It 'runs the Weavy example' {
        $lines = Invoke-ReadmeBlock 'weavy-example'
        $lines[0] | Should -Match '^\d+ customers in Lyon above 1000; first: '
        $lines[1] | Should -Be 'batch 1: 1000 rows, 1000 added, 0 updated'
        $lines[3] | Should -Be 'batch 3: 500 rows, 500 added, 0 updated'
        $lines[4] | Should -Be '50 marked as exported, 0 changed since they were read'
    }

    It 'runs the Microbizz example' {
        $lines = Invoke-ReadmeBlock 'microbizz-example'
        $lines[0] | Should -Match '^task \d+: Leak under the stairs \(NEW\)$'
        $lines[1] | Should -Be 'assigned to user 1'
        $lines[2] | Should -Be 'STARTED'
        $lines[3] | Should -Be 'leak-copy.png: 8 bytes'
    }

    It 'runs the cross-system runbook, Export-Csv included' {
        $lines = Invoke-ReadmeBlock 'runbook'
        $lines[0] | Should -Match '^Severa: \d+ customers changed since '
        $report = ($lines | Where-Object { $_ -like 'Report: *' }) -replace '^Report: '
        $report | Should -Exist
        $rows = @(Import-Csv -LiteralPath $report)
        $rows.Count | Should -BeGreaterThan 0
        $rows[0].PSObject.Properties.Name | Should -Be 'CustomerNumber', 'Name', 'City', 'Weavy', 'QicsEntityStateId', 'Message'
        Remove-Item -LiteralPath $report
    }
}
