<#
.SYNOPSIS
    Runs the Pester suite (tests/Pester/*.Tests.ps1) against one sandbox started for the run, and writes the results.

.DESCRIPTION
    `dotnet test` runs this through tests/ErpConnectors.PesterTests (which restores pwsh and Pester, builds the module
    and the sandbox, and turns each file's results into an xunit case). By hand, after
    `dotnet build tests/ErpConnectors.PesterTests`:

        dotnet pwsh -NoProfile -NonInteractive -File tests/Pester/Invoke-ErpPesterSuite.ps1

    Writes to -ResultDirectory: pester.xml (NUnit), results.json (one entry per test and per file, read by the xunit
    wrapper) and summary.txt ('N passed, N failed, N skipped', read by .ci/run). Exits with the number of failures.
#>
[CmdletBinding()]
param(
    [string] $ResultDirectory = (Join-Path $PSScriptRoot '../../out/pester-results'),
    [string[]] $Path = @($PSScriptRoot),
    [ValidateSet('None', 'Normal', 'Detailed', 'Diagnostic')]
    [string] $Output = 'Detailed',
    # The version tests/ErpConnectors.PesterTests pins and copies to out/modules.
    [string] $PesterVersion = '5.7.1'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

# The Pester the project pins, copied to out/modules by the build of tests/ErpConnectors.PesterTests.
$pester = Join-Path $PSScriptRoot "../../out/modules/Pester/$PesterVersion/Pester.psd1"
if (-not (Test-Path -LiteralPath $pester)) {
    throw "Pester $PesterVersion is not in out/modules: run ``dotnet build tests/ErpConnectors.PesterTests`` first."
}
Import-Module $pester -ErrorAction Stop

. (Join-Path $PSScriptRoot 'ErpTestHelper.ps1')
$null = New-Item -ItemType Directory -Force -Path $ResultDirectory
$summaryPath = Join-Path $ResultDirectory 'summary.txt'
Remove-Item -LiteralPath $summaryPath -ErrorAction SilentlyContinue

$sandbox = Start-ErpTestSandbox
$env:ERPCONNECTORS_SANDBOX_URI = $sandbox.Uri
try {
    $configuration = New-PesterConfiguration
    $configuration.Run.Path = $Path
    $configuration.Run.PassThru = $true
    $configuration.Output.Verbosity = $Output
    $result = Invoke-Pester -Configuration $configuration
}
catch {
    # Pester itself failed (a plugin, a path): one failure, so neither the xunit wrapper nor .ci/run reads it as green.
    "0 passed, 1 failed, 0 skipped" | Set-Content -LiteralPath $summaryPath -Encoding utf8
    throw
}
finally {
    Stop-ErpTestSandbox $sandbox
}

# The NUnit file for tools that read one; written after the run, so a report that cannot be written (a control
# character in an error message) does not lose the results below.
try { Export-NUnitReport -Result $result -Path (Join-Path $ResultDirectory 'pester.xml') }
catch { Write-Warning "pester.xml not written: $_" }

function Get-ErrorText($errorRecords) {
    @($errorRecords | ForEach-Object { if ($_) { "$_`n$($_.ScriptStackTrace)" } }) -join "`n"
}

$entries = [System.Collections.Generic.List[object]]::new()
foreach ($container in $result.Containers) {
    $entries.Add([ordered]@{
            Kind   = 'File'
            File   = [string]$container.Item
            Name   = [System.IO.Path]::GetFileName([string]$container.Item)
            Result = [string]$container.Result
            Error  = Get-ErrorText $container.ErrorRecord
        })
    foreach ($test in @($result.Tests | Where-Object { $_.ScriptBlock.File -eq [string]$container.Item })) {
        $entries.Add([ordered]@{
                Kind   = 'Test'
                File   = [string]$container.Item
                Name   = $test.ExpandedPath
                Result = [string]$test.Result
                Error  = Get-ErrorText $test.ErrorRecord
            })
    }
}
ConvertTo-Json -InputObject @($entries) -Depth 4 | Set-Content -LiteralPath (Join-Path $ResultDirectory 'results.json') -Encoding utf8

# Failed containers (a file that does not parse, a BeforeAll that throws) count as failures too.
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
$skipped = $result.SkippedCount + $result.NotRunCount
"$($result.PassedCount) passed, $failed failed, $skipped skipped" | Set-Content -LiteralPath $summaryPath -Encoding utf8
"Pester: $($result.PassedCount) passed, $failed failed, $skipped skipped"
exit $failed
