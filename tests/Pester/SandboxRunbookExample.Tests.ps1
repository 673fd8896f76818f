# The README's "Test your runbook against the sandbox" example (tests/Examples), run the way its users run it: in a
# new pwsh (-NonInteractive, stdin closed) that has only the module, found by name on PSModulePath as an installed
# module is, and Pester; the example starts, steers and stops its own sandbox with the module's cmdlets.
BeforeAll {
    . $PSScriptRoot/ErpTestHelper.ps1

    # An installed module: a copy of the built module folder (with its sandbox/) alone in a modules folder.
    $modules = Join-Path ([System.IO.Path]::GetTempPath()) ('erp-example-modules-' + [guid]::NewGuid().ToString('n'))
    $null = New-Item -ItemType Directory -Path $modules
    Copy-Item -LiteralPath (Split-Path -Parent (Get-ErpModuleManifest)) -Destination $modules -Recurse
    $pester = (Get-Module Pester).Path
    $example = Join-Path (Get-ErpRepoRoot) 'tests/Examples/Sync-SeveraCustomersToWeavy.Tests.ps1'
}

AfterAll {
    Remove-Item -LiteralPath $modules -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The runbook example of about_ErpSandbox' {
    It 'passes its own Pester tests in a pwsh that has only the module' {
        $script = @"
`$ErrorActionPreference = 'Stop'
`$PSStyle.OutputRendering = 'PlainText'
# The module's folder and PowerShell's own modules, nothing else.
`$env:PSModulePath = '$modules' + [System.IO.Path]::PathSeparator + (Join-Path `$PSHOME 'Modules')
Import-Module '$pester'
`$configuration = New-PesterConfiguration
`$configuration.Run.Path = '$example'
`$configuration.Run.PassThru = `$true
`$configuration.Output.Verbosity = 'Detailed'
`$result = Invoke-Pester -Configuration `$configuration
if (`$result.PassedCount -ne 3) { throw "`$(`$result.PassedCount) of 3 passed" }
'ok: {0} passed, {1} failed; the module came from {2}' -f `$result.PassedCount, `$result.FailedCount, (Get-Module ErpConnectors).ModuleBase
"@
        # No suite sandbox for the child: the example must find its own.
        $run = Invoke-ErpPwsh $script -Environment @{ ERPCONNECTORS_SANDBOX_URI = '' }

        $said = "$($run.Output)`n$($run.Errors)" -replace '\x1b\[[0-9;]*m'
        $run.ExitCode | Should -Be 0 -Because $said
        $run.Output | Should -Match ([regex]::Escape("ok: 3 passed, 0 failed; the module came from $modules"))
    }
}
