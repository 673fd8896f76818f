# ConvertTo-Json: records serialize as their own fields (no PowerShell internals), nested objects nested.
BeforeAll {
    . $PSScriptRoot/ErpTestHelper.ps1
    Connect-Severa -Sandbox
    Connect-Jiwa -Sandbox
    Connect-Microbizz -Sandbox
}

Describe 'ConvertTo-Json' {
    It 'a Severa customer round-trips through JSON with its nested address' {
        $customer = Get-SeveraCustomer -First 1
        $back = $customer | ConvertTo-Json -Depth 6 | ConvertFrom-Json
        $back.PSObject.Properties.Name | Should -Be $customer.PSObject.Properties.Name
        $back.guid | Should -Be ([string]$customer.guid)
        $back.number | Should -Be $customer.number
        $back.headquarterAddress.city | Should -Be $customer.headquarterAddress.city
    }

    It 'keeps the instant of date-times' {
        $customer = Get-SeveraCustomer -First 1
        $json = $customer | ConvertTo-Json -Depth 6
        $back = [System.Text.Json.JsonDocument]::Parse($json).RootElement.GetProperty('lastUpdatedDateTime').GetDateTimeOffset()
        $back | Should -Be ([datetimeoffset]$customer.lastUpdatedDateTime)
    }

    It 'a list of Jiwa debtors is a JSON array of their fields' {
        $debtors = @(Get-JiwaDebtor -First 3)
        $back = @($debtors | ConvertTo-Json -Depth 4 | ConvertFrom-Json)
        $back | Should -HaveCount 3
        $back.AccountNo | Should -Be $debtors.AccountNo
    }

    It 'a Microbizz task serializes with its fields' {
        $task = Get-MicrobizzTask -First 1
        $back = $task | ConvertTo-Json -Depth 4 | ConvertFrom-Json
        $back.task_id | Should -Be $task.task_id
        $back.title | Should -Be $task.title
    }
}
