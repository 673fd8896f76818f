# Completion as the console asks for it: TabExpansion2 on the text typed so far.
BeforeAll {
    . $PSScriptRoot/ErpTestHelper.ps1
    Connect-Weavy -Sandbox

    function Get-Completion([string] $Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText)
    }
}

Describe 'Completion through TabExpansion2' {
    It 'completes the module''s cmdlet names' {
        Get-Completion 'Get-SeveraInvoi' | Should -Contain 'Get-SeveraInvoice'
    }

    It 'completes Severa scopes' {
        Get-Completion 'Connect-Severa -Scope cust' | Should -Be 'customers:read', 'customers:write', 'customers:delete'
    }

    It 'completes QicsMilestones entity names' {
        $names = Get-Completion 'Get-QicsEntity OverviewCust'
        $names | Should -Contain 'OverviewCustomer'
        $names | ForEach-Object { $_ | Should -BeLike 'OverviewCust*' }
    }

    It 'completes QicsMilestones EntityState types' {
        Get-Completion 'Set-QicsEntityState -EntityType Custom' | Should -Contain 'Customer'
    }

    It 'completes Weavy entities from the connected project''s dictionary' {
        Get-Completion 'Get-WeavyRecord cust' | Should -Contain 'customer'
    }

    It 'completes Weavy fields of the entity on the line' {
        Get-Completion 'Get-WeavyRecord customer -Property cit' | Should -Contain 'city'
    }

    It 'completes Microbizz object types' {
        Get-Completion 'Get-MicrobizzObject -Type comp' | Should -Contain 'company'
    }
}
