# The README's "Test your runbook against the sandbox" example (tests/Examples), run the way its users run it: in a
# clean pwsh (its own HOME, -NonInteractive, stdin closed) that has only what ./build.ps1 Package made: the module,
# installed by name from a file repository, and the erp-sandbox tool, installed from the package folder. The example
# starts, steers and stops its own sandbox with the module's cmdlets.
BeforeAll {
    . $PSScriptRoot/ErpTestHelper.ps1
    $work = Join-Path ([System.IO.Path]::GetTempPath()) ('erp-example-' + [guid]::NewGuid().ToString('n'))
    $cleanHome = Join-Path $work 'home'
    foreach ($folder in '.local/share', '.config', '.cache') { $null = New-Item -ItemType Directory -Path (Join-Path $cleanHome $folder) }
    $tools = Join-Path $work 'tools'
    $clean = @{ HOME = $cleanHome; XDG_DATA_HOME = $null; XDG_CONFIG_HOME = $null; XDG_CACHE_HOME = $null; PSModulePath = $null
        PATH = $tools + [System.IO.Path]::PathSeparator + $env:PATH; ERPCONNECTORS_SANDBOX_URI = $null }
    $pester = (Get-Module Pester).Path
    $example = Join-Path (Get-ErpRepoRoot) 'tests/Examples/Sync-SeveraCustomersToWeavy.Tests.ps1'
    $version = (Import-PowerShellDataFile (Get-ErpModuleManifest)).ModuleVersion
}

AfterAll {
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The runbook example of about_ErpSandbox' {
    It 'passes its own Pester tests in a clean pwsh that has only the packaged module and the sandbox tool' {
        $build = Invoke-ErpPwsh "& '$(Join-Path (Get-ErpRepoRoot) 'build.ps1')' Package -NoBuild -OutputPath '$work/artifacts'" -Environment $clean
        $build.ExitCode | Should -Be 0 -Because ($build.Output + $build.Errors)
        "$work/artifacts/ErpConnectors.Sandbox.$version.nupkg" | Should -Exist

        $script = @"
`$ErrorActionPreference = 'Stop'
`$PSStyle.OutputRendering = 'PlainText'
if (Get-Module ErpConnectors -ListAvailable) { throw 'ErpConnectors is already installed in this clean pwsh' }
Set-Content -LiteralPath '$work/nuget.config' -Value '<configuration><packageSources><clear /><add key="artifacts" value="$work/artifacts" /></packageSources></configuration>'
& `$(if (`$env:DOTNET_HOST_PATH) { `$env:DOTNET_HOST_PATH } else { 'dotnet' }) tool install ErpConnectors.Sandbox --version $version --tool-path '$tools' --configfile '$work/nuget.config' | Out-Null
if (`$LASTEXITCODE) { throw "dotnet tool install failed (`$LASTEXITCODE)" }
`$null = New-Item -ItemType Directory -Path '$work/repository'
Register-PSResourceRepository -Name Local -Uri '$work/repository' -Trusted
Publish-PSResource -NupkgPath '$work/artifacts/ErpConnectors.$version.nupkg' -Repository Local
Install-PSResource ErpConnectors -Repository Local -Scope CurrentUser -TrustRepository

Import-Module '$pester'
`$configuration = New-PesterConfiguration
`$configuration.Run.Path = '$example'
`$configuration.Run.PassThru = `$true
`$configuration.Output.Verbosity = 'Detailed'
`$result = Invoke-Pester -Configuration `$configuration
'example=' + `$result.PassedCount + ' passed, ' + `$result.FailedCount + ' failed'
'module=' + (Get-Module ErpConnectors).ModuleBase

# Without the module's own copy, Start-ErpSandbox runs the installed tool.
Remove-Module ErpConnectors
Remove-Item -LiteralPath (Join-Path (Get-Module ErpConnectors -ListAvailable).ModuleBase 'sandbox') -Recurse
Import-Module ErpConnectors
`$sandbox = Start-ErpSandbox -SeveraCustomers 3
'tool=' + `$sandbox.Command
Connect-Severa -Sandbox
'customers=' + @(Get-SeveraCustomer).Count
Stop-ErpSandbox
"@
        $run = Invoke-ErpPwsh $script -Environment $clean -TimeoutSeconds 600

        $said = "$($run.Output)`n$($run.Errors)" -replace '\x1b\[[0-9;]*m'
        $run.ExitCode | Should -Be 0 -Because $said
        $values = @{}
        foreach ($line in $run.Output -split '\r?\n') { if ($line -match '^(\w+)=(.*)$') { $values[$Matches[1]] = $Matches[2] } }
        $values.example | Should -Be '3 passed, 0 failed' -Because $said
        $values.module | Should -BeLike "$cleanHome/.local/share/powershell/Modules/ErpConnectors/*"
        $values.tool | Should -BeLike "$tools/erp-sandbox*"
        $values.customers | Should -Be '3'
    }
}
