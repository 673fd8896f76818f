# -Verbose: one line per HTTP call. Debug: headers and bodies with every secret redacted. Both as a runbook sees them.
BeforeAll {
    . $PSScriptRoot/ErpTestHelper.ps1
    Connect-Severa -Sandbox
}

Describe '-Verbose and -Debug' {
    It '-Verbose writes one line per call: system, method, path, status, time' {
        $verbose = @(Get-SeveraCustomer -First 1 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $verbose | Should -HaveCount 1
        $verbose[0].Message | Should -Match '^Severa GET /severa/rest-api/v1\.0/customers\?rowCount=1 -> 200 OK in \d+ ms'
    }

    It '-Verbose on a connect never shows the token or secret' {
        $verbose = @(Connect-Severa -Sandbox -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $verbose | Should -Not -BeNullOrEmpty
        ($verbose.Message -join "`n") | Should -Not -Match 'access_token":"[^*]'
    }

    It 'debug output ($DebugPreference Continue, which never prompts) shows headers and the body, secrets redacted' {
        # Global: the module reads the preference from its own scope chain, see the known defect below.
        $global:DebugPreference = 'Continue'
        try { $debug = @(Get-SeveraCustomer -First 1 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }) }
        finally { $global:DebugPreference = 'SilentlyContinue' }
        $text = $debug.Message -join "`n"
        $text | Should -Match 'Severa GET /severa/rest-api/v1\.0/customers\?rowCount=1'
        $text | Should -Match 'Content-Type: application/json'
        $text | Should -Match '"guid":'
        $text | Should -Not -Match 'Bearer [A-Za-z0-9]'
    }

    # With -Debug and without -Verbose PowerShell makes every verbose line a "Continue with this operation?" prompt:
    # the module writes no verbose line then, so a non-interactive session (a runbook) connects.
    It 'Connect-Severa -Debug works in a non-interactive pwsh (runbook)' {
        $run = Invoke-ErpPwsh @'
Import-Module $env:ERP_MODULE
Connect-Severa -Sandbox -Debug -ErrorAction Stop
(Get-SeveraCustomer -First 1 -Debug).number
'@
        $run.ExitCode | Should -Be 0
        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Should -Match '(?m)^\d+\s*$'
    }

    # The preference is read where the engine reads it, in the caller's scope (not the module's, then the global one).
    It 'honours $VerbosePreference set in the calling scope' {
        $VerbosePreference = 'Continue'
        $verbose = @(Get-SeveraCustomer -First 1 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $verbose | Should -HaveCount 1
    }
}
