# The README's first command: the quick-start host runs the README block in the project's pwsh on its own sandbox and
# prints what pwsh shows (the module's table views), not lines the host formatted itself.
BeforeAll {
    . $PSScriptRoot/ErpTestHelper.ps1
}

Describe 'The quick-start demo' {
    It 'runs the quick start in pwsh and prints the default table views' {
        $configuration = if ($env:ERPCONNECTORS_TEST_CONFIGURATION) { $env:ERPCONNECTORS_TEST_CONFIGURATION } else { 'Debug' }
        $demo = Join-Path (Get-ErpRepoRoot) "src/ErpConnectors.Demo/bin/$configuration/net10.0/ErpConnectors.Demo.dll"
        $demo | Should -Exist -Because 'tests/ErpConnectors.PesterTests builds the demo'
        $dotnet = if ($env:DOTNET_HOST_PATH) { $env:DOTNET_HOST_PATH } else { 'dotnet' }
        Push-Location -LiteralPath (Get-ErpRepoRoot)
        $noColor = $env:NO_COLOR
        try {
            $env:NO_COLOR = '1'
            $output = @(& $dotnet $demo 2>&1 | ForEach-Object { "$_" -replace '\x1b\[[0-9;?]*[A-Za-z]' })
            $exitCode = $LASTEXITCODE
        }
        finally {
            $env:NO_COLOR = $noColor
            Pop-Location
        }
        $text = $output -join "`n"
        $exitCode | Should -Be 0 -Because $text
        $text | Should -Match "Running the 'quickstart' script from README\.md in pwsh"
        $text | Should -Match '(?m)^\s*Number\s+Name\s+IsActive\s+Email\s+Owner\s+City\s*$'
        $text | Should -Match '(?m)^\s*Number\s+Date\s+DueDate\s+Customer\s+Status\s+TotalExcludingTax\s*$'
        $text | Should -Match '(?m)^\d+ active customers written to '
        $text | Should -Match 'pwsh exited with 0'
    }
}
