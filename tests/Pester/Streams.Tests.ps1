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

    # Known defect (issue 15 part 2, fixed on the pwsh-defects branch): with -Debug and without -Verbose every verbose
    # line becomes a "Continue with this operation?" prompt, so in a non-interactive session the connect fails.
    # Un-skip when that fix lands.
    It 'Connect-Severa -Debug works in a non-interactive pwsh (runbook)' -Tag 'KnownDefect' -Skip {
        $run = Invoke-ErpPwsh @'
Import-Module $env:ERP_MODULE
Connect-Severa -Sandbox -Debug -ErrorAction Stop
(Get-SeveraCustomer -First 1 -Debug).number
'@
        $run.ExitCode | Should -Be 0
        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Should -Match '(?m)^\d+\s*$'
    }

    # Known defect: ErpCmdlet.IsEnabled reads $DebugPreference/$VerbosePreference with GetVariableValue, i.e. from the
    # module's session state (module scope, then global), so a preference set in a function or test scope, which
    # PowerShell's own WriteDebug/WriteVerbose honour for binary cmdlets, does not turn the call log on.
    It 'honours $VerbosePreference set in the calling scope' -Tag 'KnownDefect' -Skip {
        $VerbosePreference = 'Continue'
        $verbose = @(Get-SeveraCustomer -First 1 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $verbose | Should -HaveCount 1
    }
}
