# Pester tests of the example runbook, against a sandbox of their own: what a runbook author writes for theirs.
# Needs only the ErpConnectors module (with its sandbox, or the erp-sandbox tool) and Pester 5.

BeforeAll {
    Import-Module ErpConnectors -ErrorAction Stop
    $runbook = Join-Path $PSScriptRoot 'Sync-SeveraCustomersToWeavy.ps1'
    $since = [datetimeoffset]'2000-01-01T00:00:00Z'      # every customer of the sandbox

    # A small sandbox on a free port, only for this file; Connect-* -Sandbox finds it by itself.
    $sandbox = Start-ErpSandbox -SeveraCustomers 120 -WeavyCustomers 0
    Connect-Severa -Sandbox -Scope customers:read
    Connect-Weavy -Sandbox
    $expected = @(Get-SeveraCustomer -ChangedSince $since | ForEach-Object { [string]$_.number })

    # The customer_IDs the Weavy imports carried, read from what reached the sandbox.
    function Get-ImportedId {
        Get-ErpSandboxRequest -System Weavy -Method POST -Path '*BulkImport*' |
            Where-Object StatusCode -EQ 200 |
            ForEach-Object { ($_.Body | ConvertFrom-Json).rows.customer_ID }
    }
}

AfterAll {
    Stop-ErpSandbox
}

Describe 'Sync-SeveraCustomersToWeavy' {
    BeforeEach {
        Set-ErpSandbox -Reset
        Clear-ErpSandboxRequest
    }

    It 'sends every changed customer to Weavy exactly once' {
        $results = & $runbook -Since $since -BatchSize 25

        $ids = @(Get-ImportedId)
        $ids.Count | Should -Be $expected.Count
        @($ids | Sort-Object -Unique).Count | Should -Be $expected.Count
        $ids | Sort-Object | Should -Be ($expected | Sort-Object)
        ($results | Measure-Object Rows -Sum).Sum | Should -Be $expected.Count
    }

    It 'survives a 429 storm on both systems, still sending each customer once' {
        Set-ErpSandbox -System Severa, Weavy -Rate429 0.3
        Add-ErpSandboxFault -System Weavy -StatusCode 429 -Method POST -PathContains BulkImport
        Add-ErpSandboxFault -System Severa -StatusCode 429 -PathContains customers

        & $runbook -Since $since -BatchSize 25 | Out-Null

        $ids = @(Get-ImportedId)
        $ids.Count | Should -Be $expected.Count
        @($ids | Sort-Object -Unique).Count | Should -Be $expected.Count
        @(Get-ErpSandboxRequest | Where-Object { $_.StatusCode -eq 429 -and $_.FaultInjected }).Count | Should -BeGreaterOrEqual 2
    }

    It 'sends nothing to Weavy with -WhatIf' {
        & $runbook -Since $since -WhatIf | Out-Null

        @(Get-ErpSandboxRequest -System Weavy | Where-Object Method -NE 'GET').Count | Should -Be 0
        @(Get-ErpSandboxRequest -System Severa -Path '*/customers').Count | Should -BeGreaterThan 0
    }
}
