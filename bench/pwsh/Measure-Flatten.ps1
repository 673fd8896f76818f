<#
.SYNOPSIS
    ConvertTo-ErpFlatObject against Export-Csv writing its result, side by side in one pwsh process (issue 16).
.DESCRIPTION
    Reads N Severa customers from a running sandbox (start one with --severa-customers N --severa-rps 0), then per
    pass: flattens them into a variable, writes that to CSV, and flattens them again straight into Out-Null (the
    streaming case). Process CPU seconds, not wall time: the figures hold on a shared, loaded machine.
    Build the module in Release first (dotnet build src/ErpConnectors -c Release): a Debug build runs unoptimised.
#>
param([string] $Module = (Join-Path $PSScriptRoot "../../out/ErpConnectors/ErpConnectors.psd1"), [int] $N = 50000, [int] $Passes = 5, [string] $SandboxUri = $env:ERPCONNECTORS_SANDBOX_URI)
if ($SandboxUri) { $env:ERPCONNECTORS_SANDBOX_URI = $SandboxUri }
Import-Module $Module
Connect-Severa -Sandbox -RequestRateLimit 10000 | Out-Null
$rows = @(Get-SeveraCustomer -First $N)
"rows: $($rows.Count)"
$proc = [System.Diagnostics.Process]::GetCurrentProcess()
function Cpu { $proc.Refresh(); $proc.TotalProcessorTime.TotalSeconds }
foreach ($pass in 1..$Passes) {
  [GC]::Collect(); $c0 = Cpu
  $flat = @($rows | ConvertTo-ErpFlatObject)
  $c1 = Cpu
  $csv = [System.IO.Path]::GetTempFileName()
  [GC]::Collect(); $c2 = Cpu
  $flat | Export-Csv -Path $csv -NoTypeInformation
  $c3 = Cpu
  [GC]::Collect(); $c4 = Cpu
  $rows | ConvertTo-ErpFlatObject | Out-Null
  $c5 = Cpu
  '        flatten to Out-Null {0:N2} cpu-s, ratio {1:N2}' -f ($c5-$c4), (($c5-$c4) / ($c3-$c2))
  'pass {0}: flatten {1:N2} cpu-s, export-csv {2:N2} cpu-s, ratio {3:N2}' -f $pass, ($c1-$c0), ($c3-$c2), (($c1-$c0) / ($c3-$c2))
  Remove-Item $csv
}
