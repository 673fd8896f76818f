# The default table views, as Format-Table (and so the console) shows them: the columns are the view's own, read
# from the loaded format data, so a view may change its columns without this file changing.
BeforeAll {
    . $PSScriptRoot/ErpTestHelper.ps1
    Connect-Severa -Sandbox
    Connect-Jiwa -Sandbox
    Connect-Qics -Sandbox
    Connect-Weavy -Sandbox
    Connect-Microbizz -Sandbox

    function Get-TableHeader([object[]] $Records) {
        $lines = @(($Records | Format-Table | Out-String -Width 400) -split '\r?\n' | Where-Object { $_.Trim() })
        # The header is the line above the dashes.
        $dashes = [array]::FindIndex([string[]]$lines, [Predicate[string]] { $args[0] -match '^[\s-]+$' })
        @($lines[$dashes - 1] -split '\s+' | Where-Object { $_ })
    }
}

Describe 'Default table views' {
    It 'shows <TypeName> with the columns of its view' -ForEach @(
        @{ TypeName = 'ErpConnectors.Severa.Customer'; Get = { Get-SeveraCustomer -First 3 } }
        @{ TypeName = 'ErpConnectors.Severa.ContactPerson'; Get = { Get-SeveraContactPerson -First 3 } }
        @{ TypeName = 'ErpConnectors.Severa.User'; Get = { Get-SeveraUser -First 3 } }
        @{ TypeName = 'ErpConnectors.Severa.Project'; Get = { Get-SeveraProject -First 3 } }
        @{ TypeName = 'ErpConnectors.Severa.Phase'; Get = { Get-SeveraProject -First 1 | Get-SeveraPhase } }
        @{ TypeName = 'ErpConnectors.Severa.WorkHour'; Get = { Get-SeveraWorkHour -First 3 } }
        @{ TypeName = 'ErpConnectors.Severa.Invoice'; Get = { Get-SeveraInvoice -First 3 } }
        @{ TypeName = 'ErpConnectors.Severa.InvoiceRow'; Get = { Get-SeveraInvoice -First 1 | Get-SeveraInvoiceRow } }
        @{ TypeName = 'ErpConnectors.Severa.InvoiceStatus'; Get = { Get-SeveraInvoiceStatus } }
        @{ TypeName = 'ErpConnectors.Jiwa.Debtor'; Get = { Get-JiwaDebtor -First 3 } }
        @{ TypeName = 'ErpConnectors.Jiwa.Inventory'; Get = { Get-JiwaInventory -First 3 } }
        @{ TypeName = 'ErpConnectors.Jiwa.SalesOrder'; Get = { Get-JiwaSalesOrder -First 3 } }
        @{ TypeName = 'ErpConnectors.Qics.EntityState'; Get = { Get-QicsEntity EntityState -First 3 } }
        @{ TypeName = 'ErpConnectors.Weavy.Entity'; Get = { Get-WeavyEntity } }
        @{ TypeName = 'ErpConnectors.Microbizz.task'; Get = { Get-MicrobizzTask -First 3 } }
        @{ TypeName = 'ErpConnectors.Microbizz.company'; Get = { Get-MicrobizzCompany -First 3 } }
        @{ TypeName = 'ErpConnectors.Microbizz.user'; Get = { Get-MicrobizzUser -First 3 } }
        @{ TypeName = 'ErpConnectors.Microbizz.notification'; Get = { Get-MicrobizzNotification -First 3 } }
    ) {
        $records = @(& $Get)
        $records | Should -Not -BeNullOrEmpty
        $records[0].PSTypeNames[0] | Should -Be $TypeName
        $view = @((Get-FormatData -TypeName $TypeName).FormatViewDefinition | Where-Object { $_.Control -is [System.Management.Automation.TableControl] })[0]
        $view | Should -Not -BeNullOrEmpty
        Get-TableHeader $records | Should -Be @($view.Control.Headers.Label)
    }

    It 'renders dates in the Severa invoice view as yyyy-MM-dd' {
        $text = Get-SeveraInvoice -First 3 | Format-Table | Out-String -Width 400
        $text | Should -Match '\b\d{4}-\d{2}-\d{2}\b'
    }
}
