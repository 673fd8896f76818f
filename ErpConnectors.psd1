@{
    RootModule           = 'ErpConnectors.psm1'
    ModuleVersion        = '0.1.0'
    CompatiblePSEditions = @('Desktop', 'Core')
    GUID                 = '6f0f6d1e-3c55-4d8e-9f57-2f4f3b1c9a10'
    Author               = 'ErpConnectors'
    CompanyName          = 'ErpConnectors'
    Copyright            = '(c) ErpConnectors. All rights reserved.'
    Description          = 'Cmdlets that stream records between business systems: Visma Severa, Jiwa Financials, Divalto Weavy, QicsMilestones and Microbizz GO. Ships with a local sandbox of all five APIs.'
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('ErpConnectors.format.ps1xml')
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    CmdletsToExport      = @(
        'Connect-Severa'
        'Disconnect-Severa'
        'Get-SeveraConnection'
        'Get-SeveraCustomer'
        'Get-SeveraContactPerson'
        'Get-SeveraAddress'
        'Get-SeveraUser'
        'Get-SeveraProject'
        'Get-SeveraPhase'
        'Get-SeveraWorkType'
        'Get-SeveraWorkHour'
        'Get-SeveraInvoice'
        'Get-SeveraInvoiceRow'
        'Get-SeveraInvoiceStatus'
        'New-SeveraWorkHour'
        'Set-SeveraWorkHour'
        'Remove-SeveraWorkHour'
        'Set-SeveraInvoice'
        'Invoke-SeveraRequest'
        'Connect-Jiwa'
        'Disconnect-Jiwa'
        'Get-JiwaConnection'
        'Get-JiwaDebtor'
        'Set-JiwaDebtor'
        'Get-JiwaInventory'
        'Get-JiwaDebtorTransaction'
        'Get-JiwaSalesOrder'
        'New-JiwaSalesOrder'
        'Set-JiwaSalesOrder'
        'Get-JiwaSalesQuote'
        'New-JiwaSalesQuote'
        'Set-JiwaSalesQuote'
        'Save-JiwaRecord'
        'Undo-JiwaRecord'
        'Invoke-JiwaRequest'
        'Connect-Qics'
        'Disconnect-Qics'
        'Get-QicsConnection'
        'Get-QicsEntity'
        'New-QicsEntity'
        'Set-QicsEntity'
        'Remove-QicsEntity'
        'Set-QicsEntityState'
        'Get-QicsEntityState'
        'Invoke-QicsRequest'
        'ConvertTo-ErpFlatObject'
    )
    PrivateData          = @{
        PSData = @{
            Tags       = @('ERP', 'Severa', 'Jiwa', 'Weavy', 'Qics', 'Microbizz', 'Integration', 'REST')
            ProjectUri = 'https://example.invalid/erpconnectors'
        }
    }
}
