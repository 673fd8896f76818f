# Installing as users do: ./build.ps1 Package makes a .nupkg, Publish-PSResource accepts it into a local file
# repository, Install-PSResource installs it into a clean pwsh (its own XDG_DATA_HOME: an empty user module folder and
# repository list, and PSModulePath rebuilt from the defaults), and Import-Module ErpConnectors by name works there.
BeforeAll {
    . $PSScriptRoot/ErpTestHelper.ps1
    $work = Join-Path ([System.IO.Path]::GetTempPath()) ('erp-package-' + [guid]::NewGuid().ToString('n'))
    $null = New-Item -ItemType Directory -Path $work
    # Each pwsh below has its own HOME: PSResourceGet's repository list and CurrentUser modules live there, and pwsh
    # builds its user module path from it (PSModulePath and the XDG variables removed), so nothing of the user's own
    # installation is seen or changed. The folders must exist: .NET reports a missing one as no folder at all.
    $cleanHome = Join-Path $work 'home'
    foreach ($folder in '.local/share', '.config', '.cache') { $null = New-Item -ItemType Directory -Path (Join-Path $cleanHome $folder) }
    $clean = @{ HOME = $cleanHome; XDG_DATA_HOME = $null; XDG_CONFIG_HOME = $null; XDG_CACHE_HOME = $null; PSModulePath = $null }
}

AfterAll {
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The package' {
    It 'is made by ./build.ps1 Package, published to a file repository, installed and imported by name' {
        # The module folder this suite tests, packed as it is (a Release build would replace it under the other tests).
        $build = Invoke-ErpPwsh "& '$(Join-Path (Get-ErpRepoRoot) 'build.ps1')' Package -NoBuild -OutputPath '$work/artifacts'" -Environment $clean
        $build.Errors | Should -BeNullOrEmpty
        $build.ExitCode | Should -Be 0
        $version = (Import-PowerShellDataFile (Get-ErpModuleManifest)).ModuleVersion
        $nupkg = Join-Path $work "artifacts/ErpConnectors.$version.nupkg"
        $nupkg | Should -Exist

        $install = Invoke-ErpPwsh @"
`$ErrorActionPreference = 'Stop'
if (Get-Module ErpConnectors -ListAvailable) { throw 'ErpConnectors is already installed in this clean pwsh' }
`$null = New-Item -ItemType Directory -Path '$work/repository'
Register-PSResourceRepository -Name Local -Uri '$work/repository' -Trusted
Publish-PSResource -NupkgPath '$nupkg' -Repository Local
Install-PSResource ErpConnectors -Repository Local -Scope CurrentUser -TrustRepository
Import-Module ErpConnectors
'base=' + (Get-Module ErpConnectors).ModuleBase
'version=' + (Get-Module ErpConnectors).Version
'cmdlets=' + (Get-Command -Module ErpConnectors).Count
Connect-Severa -Sandbox
'customer=' + (Get-SeveraCustomer -First 1).number
'help=' + (Get-Help Get-SeveraCustomer).Synopsis
'about=' + ((Get-Help about_ErpConnectors | Out-String) -match 'THE CSV ROUND TRIP')
"@ -Environment $clean
        $install.Errors | Should -BeNullOrEmpty
        $install.ExitCode | Should -Be 0
        $values = @{}
        foreach ($line in $install.Output -split '\r?\n') { if ($line -match '^(\w+)=(.*)$') { $values[$Matches[1]] = $Matches[2] } }
        $values.base | Should -BeLike "$cleanHome/.local/share/powershell/Modules/ErpConnectors/*"
        $values.version | Should -Be $version
        [int]$values.cmdlets | Should -Be @((Import-PowerShellDataFile (Get-ErpModuleManifest)).CmdletsToExport).Count
        $values.customer | Should -Match '^\d+$'
        $values.help | Should -Be (Get-Help Get-SeveraCustomer).Synopsis
        $values.about | Should -Be 'True'
    }
}
