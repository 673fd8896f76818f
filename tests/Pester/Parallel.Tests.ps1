# Connections are per runspace: ForEach-Object -Parallel threads share one through -Connection and $using:.
BeforeAll {
    . $PSScriptRoot/ErpTestHelper.ps1
    $severa = Connect-Severa -Sandbox -PassThru
    $manifest = Get-ErpModuleManifest
}

Describe 'ForEach-Object -Parallel with -Connection' {
    It 'reads on one connection from several threads' {
        $customers = @(1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
                Import-Module $using:manifest
                Get-SeveraCustomer -Connection $using:severa -Skip (($_ - 1) * 3) -First 3
            })
        $customers | Should -HaveCount 12
        @($customers.guid | Sort-Object -Unique) | Should -HaveCount 12
        $customers[0].PSTypeNames[0] | Should -Be 'ErpConnectors.Severa.Customer'
    }

    It 'a thread without -Connection has no default connection of its own' {
        $ids = @(1..2 | ForEach-Object -Parallel {
                Import-Module $using:manifest
                try { Get-SeveraCustomer -First 1 -ErrorAction Stop; 'connected' } catch { $_.FullyQualifiedErrorId }
            })
        $ids | Should -HaveCount 2
        $ids | ForEach-Object { $_ | Should -BeLike 'Severa.NotConnected,*' }
    }

    It 'a thread that connects has its own default' {
        $numbers = @(1..2 | ForEach-Object -Parallel {
                Import-Module $using:manifest
                Connect-Severa -Sandbox
                (Get-SeveraCustomer -First 1).number
            })
        $numbers | Should -HaveCount 2
    }
}
