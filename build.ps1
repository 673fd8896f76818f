<#
.SYNOPSIS
    Builds, tests, packages and demonstrates ErpConnectors: a thin wrapper over the dotnet CLI for people who live in
    PowerShell. Everything it does can also be done with plain `dotnet` commands (see README.md).

.PARAMETER Task
    Build    - dotnet build: leaves an importable module in out/ErpConnectors (Import-Module ./out/ErpConnectors).
    Test     - dotnet test: unit tests and runspace tests against the in-process sandbox.
    Package  - a Release build, zipped to artifacts/ErpConnectors-<version>.zip, ready to copy into $env:PSModulePath
               (the module folder carries the sandbox in sandbox/), and the sandbox as a .NET tool package,
               artifacts/ErpConnectors.Sandbox.<version>.nupkg: dotnet tool install --global ErpConnectors.Sandbox
               --add-source artifacts gives the erp-sandbox command.
    Sandbox  - starts the local emulator of the five APIs (prints base URIs and demo credentials; Ctrl+C stops it).
    Demo     - runs the README's quick-start script in an embedded engine against an in-process sandbox.

.PARAMETER Configuration
    Debug (default) or Release.

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

    [string[]] $SandboxArgument = @()
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
            Invoke-Dotnet build ErpConnectors.slnx -c Release
            $manifest = Join-Path $PSScriptRoot 'out/ErpConnectors/ErpConnectors.psd1'
            $version = (Test-ModuleManifest -Path $manifest).Version
            $artifacts = Join-Path $PSScriptRoot 'artifacts'
            $null = New-Item -ItemType Directory -Force -Path $artifacts
            $zip = Join-Path $artifacts "ErpConnectors-$version.zip"
            Compress-Archive -Path (Join-Path $PSScriptRoot 'out/ErpConnectors') -DestinationPath $zip -Force
            Write-Host "Package: $zip"
            # The sandbox as a .NET tool (erp-sandbox), from the Release build above.
            Invoke-Dotnet pack src/ErpConnectors.Sandbox -c Release --no-build -o $artifacts
            Write-Host "Sandbox tool: $(Join-Path $artifacts 'ErpConnectors.Sandbox.*.nupkg') (dotnet tool install --global ErpConnectors.Sandbox --add-source $artifacts)"
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
