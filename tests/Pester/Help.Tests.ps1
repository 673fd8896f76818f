# Get-Help as users read it: every exported cmdlet has its own synopsis, description and examples; the
# about_ErpConnectors topic exists; no placeholder address anywhere (HelpUri, the manifest's PrivateData).
BeforeAll {
    . $PSScriptRoot/ErpTestHelper.ps1
    $module = Get-Module ErpConnectors
}

Describe 'Get-Help' {
    It 'every exported cmdlet has a synopsis, a description and an example' {
        $missing = foreach ($name in $module.ExportedCmdlets.Keys) {
            $help = Get-Help $name -Full
            # Without a help file Get-Help shows the syntax as the synopsis.
            if (-not $help.Synopsis -or $help.Synopsis.StartsWith("$name [") -or $help.Synopsis.Trim() -eq $name) { "$name synopsis" }
            if (-not $help.description) { "$name description" }
            if (-not @($help.examples.example).Count) { "$name example" }
        }
        $missing | Should -BeNullOrEmpty
    }

    It 'Get-Help <Name> -Parameter documents every parameter' -ForEach @(
        @{ Name = 'Get-SeveraCustomer' }, @{ Name = 'Connect-Jiwa' }, @{ Name = 'Get-QicsEntity' }, @{ Name = 'Invoke-WeavyDatasetImport' }, @{ Name = 'New-MicrobizzTask' }
    ) {
        $command = Get-Command $Name
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        foreach ($parameter in $command.Parameters.Keys | Where-Object { $_ -notin $common }) {
            (Get-Help $Name -Parameter $parameter).description | Should -Not -BeNullOrEmpty -Because "$Name -$parameter"
        }
    }

    It 'has the about_ErpConnectors topic with its sections' {
        $text = Get-Help about_ErpConnectors | Out-String
        foreach ($section in 'CONNECTIONS', 'PAGING', 'THE SANDBOX', 'RUNBOOKS', 'THE CSV ROUND TRIP') {
            $text | Should -Match "(?m)^\s*$section\s*$"
        }
    }

    It 'no cmdlet has a placeholder HelpUri' {
        $bad = $module.ExportedCmdlets.Values | Where-Object { $_.HelpUri -and ($_.HelpUri -notmatch '^https://' -or $_.HelpUri -match 'example\.|\.invalid|localhost') }
        $bad | Should -BeNullOrEmpty
    }

    It 'the manifest has no placeholder URI' {
        $psData = (Import-PowerShellDataFile (Get-ErpModuleManifest)).PrivateData.PSData
        foreach ($key in @($psData.Keys | Where-Object { $_ -like '*Uri' })) {
            $psData[$key] | Should -Match '^https://' -Because $key
            $psData[$key] | Should -Not -Match 'example\.|\.invalid|localhost' -Because $key
        }
    }
}
