# Bad input gets an ErrorRecord a script can act on: the right category, the offending value as TargetObject, a
# FullyQualifiedErrorId naming the rule, and nothing sent where the input can be checked first.
BeforeAll {
    . $PSScriptRoot/ErpTestHelper.ps1
    Connect-Severa -Sandbox
    Connect-Qics -Sandbox
    Connect-Weavy -Sandbox

    function Get-ErrorOf([scriptblock] $Action) {
        try { & $Action; $null } catch { $_ }
    }
}

Describe 'Error records for bad input' {
    It 'warns of a Severa scope the module does not know, and reports the server refusing it, naming the scope' {
        # The published OpenAPI lists scopes the guide lacks: an unknown name is sent (with a warning), the server decides.
        $record = $null
        try { Connect-Severa -Sandbox -Scope bogus:scope -ErrorAction Stop -WarningVariable warned -WarningAction SilentlyContinue } catch { $record = $_ }
        $warned | Should -HaveCount 1
        "$warned" | Should -BeLike "*bogus:scope*"
        $record | Should -Not -BeNullOrEmpty
        $record.ToString() | Should -BeLike "*bogus:scope*"
        $record.CategoryInfo.Category | Should -Not -Be 'NotSpecified'
    }

    It 'refuses money without a currency before anything is sent' {
        $record = Get-ErrorOf { Set-SeveraWorkHour -Guid ([guid]::NewGuid()) -UnitPrice 5 -ErrorAction Stop }
        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $record.FullyQualifiedErrorId | Should -BeLike 'Severa.IncompleteMoney,*'
    }

    It 'reports a missing Severa record as a non-terminating ObjectNotFound for that guid' {
        $missing = [guid]::NewGuid()
        $found = @(Get-SeveraCustomer -Guid $missing -ErrorVariable failures -ErrorAction SilentlyContinue)
        $found | Should -HaveCount 0
        $failures | Should -HaveCount 1
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        [string]$failures[0].TargetObject | Should -Be ([string]$missing)
    }

    It 'refuses a QicsMilestones entity name that is not a plain path segment' {
        $record = Get-ErrorOf { Get-QicsEntity 'Bad/Name' -ErrorAction Stop }
        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $record.TargetObject | Should -Be 'Bad/Name'
    }

    It 'turns a QicsMilestones 400 for a bad filter into InvalidArgument' {
        $record = Get-ErrorOf { Get-QicsEntity OverviewCustomer -Filter 'Nope eq' -First 1 -ErrorAction Stop }
        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'names an unknown Weavy filter field before sending' {
        $record = Get-ErrorOf { Get-WeavyRecord customer -Filter @{ nope = 1 } -ErrorAction Stop }
        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $record.TargetObject | Should -Be 'nope'
        $record.FullyQualifiedErrorId | Should -BeLike 'Weavy.UnknownField,*'
    }

    It 'fails with a terminating NotConnected error in a runspace that never connected' {
        $manifest = Get-ErpModuleManifest
        $ids = @(1 | ForEach-Object -Parallel {
                Import-Module $using:manifest
                try { Get-SeveraCustomer -First 1 -ErrorAction Stop; 'no error' } catch { $_.FullyQualifiedErrorId; [string]$_.CategoryInfo.Category }
            })
        $ids[0] | Should -BeLike 'Severa.NotConnected,*'
    }
}
