<#
.SYNOPSIS
    Builds, tests, packages and demonstrates ErpConnectors: a thin wrapper over the dotnet CLI for people who live in
    PowerShell. Everything it does can also be done with plain `dotnet` commands (see README.md).

.PARAMETER Task
    Build    - dotnet build: leaves an importable module in out/ErpConnectors (Import-Module ./out/ErpConnectors).
    Test     - dotnet test: unit tests and runspace tests against the in-process sandbox.
    Package  - a Release build, packed by Publish-PSResource into artifacts/ErpConnectors.<version>.nupkg: publish it to
               any PowerShell repository (Publish-PSResource -NupkgPath), then Install-PSResource ErpConnectors.
               The module carries the sandbox (its sandbox/ folder, for Start-ErpSandbox); the sandbox is also packed
               as a .NET tool, artifacts/ErpConnectors.Sandbox.<version>.nupkg (dotnet tool install --global
               ErpConnectors.Sandbox --add-source artifacts gives the erp-sandbox command).
    Sandbox  - starts the local emulator of the five APIs (prints base URIs and demo credentials; Ctrl+C stops it).
    Demo     - runs the README's quick-start script in an embedded engine against an in-process sandbox.

.PARAMETER Configuration
    Debug (default) or Release.

.PARAMETER NoBuild
    Package: pack the module folder as it is (out/ErpConnectors), without building it first.

.PARAMETER OutputPath
    Package: the folder the .nupkg is written to (default: artifacts).

.PARAMETER SandboxArgument
    Extra arguments for the Sandbox task, e.g. '--port', '5380', '--latency', '100'.

.EXAMPLE
    ./build.ps1 Build; Import-Module ./out/ErpConnectors/ErpConnectors.psd1; Connect-Severa -Sandbox

.EXAMPLE
    ./build.ps1 Sandbox -SandboxArgument '--severa-customers', '100000'
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Package', 'Sandbox', 'Demo')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug',

    [string[]] $SandboxArgument = @(),

    [switch] $NoBuild,

    [string] $OutputPath = (Join-Path $PSScriptRoot 'artifacts')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Push-Location -LiteralPath $PSScriptRoot
try {
    function Invoke-Dotnet {
        param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
        Write-Verbose "dotnet $($Arguments -join ' ')"
        & dotnet @Arguments
        if ($LASTEXITCODE -ne 0) {
            throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE."
        }
    }

    switch ($Task) {
        'Build' {
            Invoke-Dotnet build ErpConnectors.slnx -c $Configuration
            Write-Host "Module ready: $(Join-Path $PSScriptRoot 'out/ErpConnectors/ErpConnectors.psd1')"
        }
        'Test' {
            Invoke-Dotnet test ErpConnectors.slnx -c $Configuration
        }
        'Package' {
            if (-not $NoBuild) {
                # The module and its generated help; the solution's tests are not needed for a package.
                Invoke-Dotnet build src/ErpConnectors.HelpGen -c Release
                # The sandbox, copied into out/ErpConnectors/sandbox by its build, and packed as a tool below.
                Invoke-Dotnet build src/ErpConnectors.Sandbox -c Release
            }
            $module = Join-Path $PSScriptRoot 'out/ErpConnectors'
            $version = (Test-ModuleManifest -Path (Join-Path $module 'ErpConnectors.psd1')).Version
            $null = New-Item -ItemType Directory -Force -Path $OutputPath
            $nupkg = Join-Path $OutputPath "ErpConnectors.$version.nupkg"
            Remove-Item -LiteralPath $nupkg -ErrorAction SilentlyContinue
            # Publish-PSResource makes the package (its nuspec from the manifest) only while publishing to a repository:
            # a file repository in the output folder, registered for this call only.
            Import-Module Microsoft.PowerShell.PSResourceGet -ErrorAction Stop
            $repository = 'ErpConnectorsPackage' + [guid]::NewGuid().ToString('n')
            Register-PSResourceRepository -Name $repository -Uri ([System.IO.Path]::GetFullPath($OutputPath)) -Trusted
            try {
                Publish-PSResource -Path $module -Repository $repository
            }
            finally {
                Unregister-PSResourceRepository -Name $repository
            }
            Write-Host "Package: $nupkg"
            # The sandbox as a .NET tool (erp-sandbox): from the Release build above, or with -NoBuild from the build of
            # -Configuration that is there (the one beside the module).
            $sandboxConfiguration = if ($NoBuild) { $Configuration } else { 'Release' }
            # Its publish and nuspec folders are private to this call: tests pack the same build at the same time.
            $scratch = Join-Path ([System.IO.Path]::GetTempPath()) ('erp-sandbox-pack-' + [guid]::NewGuid().ToString('n'))
            try {
                Invoke-Dotnet pack src/ErpConnectors.Sandbox -c $sandboxConfiguration --no-build --output $OutputPath '-p:CopySandboxBesideModule=false' "-p:PublishDir=$scratch/publish/" "-p:NuspecOutputPath=$scratch/nuspec/"
            }
            finally {
                Remove-Item -LiteralPath $scratch -Recurse -Force -ErrorAction SilentlyContinue
            }
            Write-Host "Sandbox tool: $(Join-Path $OutputPath 'ErpConnectors.Sandbox.*.nupkg') (dotnet tool install --global ErpConnectors.Sandbox --add-source $OutputPath)"
        }
        'Sandbox' {
            Invoke-Dotnet run --project src/ErpConnectors.Sandbox -c $Configuration -- @SandboxArgument
        }
        'Demo' {
            Invoke-Dotnet run --project src/ErpConnectors.Demo -c $Configuration
        }
    }
}
finally {
    Pop-Location
}
