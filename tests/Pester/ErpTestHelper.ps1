<#
    The one helper every Pester file of the suite dot-sources: it imports the BUILT module (out/ErpConnectors, by
    path, as a user who ran `dotnet build` does) and points every `Connect-<System> -Sandbox` at the suite's sandbox.

    A new test file (tests/Pester/<Something>.Tests.ps1) starts like this and gets a connected sandbox:

        BeforeAll {
            . $PSScriptRoot/ErpTestHelper.ps1      # module imported, $env:ERPCONNECTORS_SANDBOX_URI set
            Connect-Severa -Sandbox                # any system: Connect-Jiwa/-Qics/-Weavy/-Microbizz -Sandbox
        }

    The suite's sandbox is started once for the whole run by Invoke-ErpPesterSuite.ps1 (which `dotnet test` runs
    through tests/ErpConnectors.PesterTests), and its root URI passed in $env:ERPCONNECTORS_SANDBOX_URI. Run a
    single file by hand and the helper starts a sandbox for that file and stops it when the pwsh process exits:

        dotnet build tests/ErpConnectors.PesterTests
        dotnet pwsh -NoProfile -Command 'Import-Module ./out/modules/Pester; Invoke-Pester tests/Pester/Csv.Tests.ps1 -Output Detailed'

    The sandbox is shared by every file, so a test changes only records it created, and never asserts counts of data
    that other files may add. A test that needs its own data or faults starts a private sandbox (a few seconds):

        BeforeAll {
            . $PSScriptRoot/ErpTestHelper.ps1
            $own = Start-ErpTestSandbox -ArgumentList '--severa-rate429', '0.5'   # any option of the sandbox's --help
            $suiteSandbox = $env:ERPCONNECTORS_SANDBOX_URI
            $env:ERPCONNECTORS_SANDBOX_URI = $own.Uri
            Connect-Severa -Sandbox                                              # signs in to the private one
        }
        AfterAll {
            $env:ERPCONNECTORS_SANDBOX_URI = $suiteSandbox
            Stop-ErpTestSandbox $own
        }

    Get-ErpReadmeBlock NAME returns a marked README block (<!-- NAME:begin --> ... <!-- NAME:end -->) as written.
    Tests that need a fresh process (what a runbook sees: no stdin, -NonInteractive; the module not yet imported)
    use Invoke-ErpPwsh, which runs a script in a child pwsh of the same version, stdin closed.

    Everything runs non-interactive with stdin closed, as in a runbook: a test that would prompt fails rather than
    waits. Never set $ConfirmPreference or an execution policy here; tests pass -Confirm:$false where they write.
#>

Set-StrictMode -Version Latest

# Functions, not variables: a function's $PSScriptRoot is this file's folder wherever Pester dot-sources it.
function Get-ErpRepoRoot { (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).ProviderPath }

function Get-ErpModuleManifest { Join-Path (Get-ErpRepoRoot) 'out/ErpConnectors/ErpConnectors.psd1' }

function Find-ErpSandboxAssembly {
    # The path the suite runner was given, else the newest sandbox build in the repository.
    if ($env:ERPCONNECTORS_TEST_SANDBOX_DLL -and (Test-Path -LiteralPath $env:ERPCONNECTORS_TEST_SANDBOX_DLL)) {
        return $env:ERPCONNECTORS_TEST_SANDBOX_DLL
    }
    $built = @(Get-ChildItem -Path (Join-Path (Get-ErpRepoRoot) 'src/ErpConnectors.Sandbox/bin/*/net*/ErpConnectors.Sandbox.dll') -ErrorAction SilentlyContinue |
        Sort-Object LastWriteTimeUtc -Descending)
    if (-not $built) {
        throw 'The sandbox is not built: run `dotnet build tests/ErpConnectors.PesterTests` first.'
    }
    $built[0].FullName
}

function Start-ErpTestSandbox {
    <#
        Starts the sandbox executable on a free 127.0.0.1 port (--port 0) and waits for its banner, whose first line
        names the root URI. Returns @{ Uri; Process }; stop it with Stop-ErpTestSandbox.
    #>
    [CmdletBinding()]
    param([string[]] $ArgumentList = @())

    $dotnet = if ($env:DOTNET_HOST_PATH) { $env:DOTNET_HOST_PATH } else { 'dotnet' }
    $start = [System.Diagnostics.ProcessStartInfo]::new($dotnet)
    $start.ArgumentList.Add((Find-ErpSandboxAssembly))
    # --exit-with: the sandbox ends with this pwsh even when no finally runs (a killed or timed-out test process).
    foreach ($argument in @('--port', '0', '--exit-with', "$PID") + $ArgumentList) { $start.ArgumentList.Add($argument) }
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.RedirectStandardInput = $true
    $process = [System.Diagnostics.Process]::Start($start)
    $process.StandardInput.Close()

    # The banner's first line: "ErpConnectors sandbox on http://127.0.0.1:PORT/: five systems, ...".
    $line = $process.StandardOutput.ReadLine()
    if ($null -eq $line -or $line -notmatch 'ErpConnectors sandbox on (?<uri>http://127\.0\.0\.1:\d+/)') {
        $errors = $process.StandardError.ReadToEnd()
        if (-not $process.HasExited) { $process.Kill($true) }
        throw "The sandbox did not start: '$line' $errors"
    }
    # Keep draining its output so a full pipe never blocks it.
    $null = $process.StandardOutput.ReadToEndAsync()
    $null = $process.StandardError.ReadToEndAsync()
    [pscustomobject]@{ Uri = $Matches.uri; Process = $process }
}

function Stop-ErpTestSandbox {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Sandbox)

    if ($Sandbox -and -not $Sandbox.Process.HasExited) {
        $Sandbox.Process.Kill($true)
        $Sandbox.Process.WaitForExit()
    }
}

function Get-ErpReadmeBlock {
    <# The PowerShell fence between <!-- NAME:begin --> and <!-- NAME:end --> in README.md, exactly as written. #>
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] [string] $Name)

    $text = [System.IO.File]::ReadAllText((Join-Path (Get-ErpRepoRoot) 'README.md'))
    $pattern = '(?s)<!-- ' + [regex]::Escape($Name) + ':begin -->.*?```powershell\r?\n(?<code>.*?)```.*?<!-- ' + [regex]::Escape($Name) + ':end -->'
    $match = [regex]::Match($text, $pattern)
    if (-not $match.Success) { throw "README.md has no '$Name' block with a powershell fence." }
    $match.Groups['code'].Value
}

function Invoke-ErpPwsh {
    <#
        Runs a script in a new pwsh (the one running this suite), -NoProfile -NonInteractive, stdin closed, with the
        given environment additions ($null removes one). Returns @{ ExitCode; Output; Errors } (text). The child imports nothing by
        itself: the script says what it needs ($ErpModuleManifest is passed in the environment as ERP_MODULE).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)] [string] $Script,
        [hashtable] $Environment = @{},
        [int] $TimeoutSeconds = 300
    )

    $pwsh = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    $start = [System.Diagnostics.ProcessStartInfo]::new($pwsh)
    if ([System.IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') {
        # pwsh as a dotnet tool runs as `dotnet pwsh.dll`: the same assembly again.
        $start.ArgumentList.Add((Join-Path (Split-Path -Parent ([System.Management.Automation.PSObject].Assembly.Location)) 'pwsh.dll'))
    }
    # A script file, as a runbook is (-EncodedCommand would make pwsh write its other streams to stderr as CLIXML).
    $file = Join-Path ([System.IO.Path]::GetTempPath()) ("erp-pester-{0}.ps1" -f [guid]::NewGuid().ToString('n'))
    [System.IO.File]::WriteAllText($file, $Script)
    foreach ($argument in '-NoProfile', '-NonInteractive', '-File', $file) {
        $start.ArgumentList.Add($argument)
    }
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.RedirectStandardInput = $true
    $start.Environment['ERP_MODULE'] = (Get-ErpModuleManifest)
    $start.Environment['NO_COLOR'] = '1'   # plain text, as a runbook's log gets it
    $start.Environment['ERPCONNECTORS_SANDBOX_URI'] = $env:ERPCONNECTORS_SANDBOX_URI
    foreach ($key in $Environment.Keys) {
        # $null removes a variable, e.g. PSModulePath for a pwsh that builds its own from its defaults.
        if ($null -eq $Environment[$key]) { $null = $start.Environment.Remove($key) } else { $start.Environment[$key] = [string]$Environment[$key] }
    }
    $process = [System.Diagnostics.Process]::Start($start)
    $process.StandardInput.Close()
    $output = $process.StandardOutput.ReadToEndAsync()
    $errors = $process.StandardError.ReadToEndAsync()
    if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
        $process.Kill($true)
        throw "pwsh did not finish within $TimeoutSeconds s: $($output.Result)"
    }
    $process.WaitForExit()
    Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue
    $ansi = '\x1b\[[0-9;?]*[A-Za-z]'
    [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $output.Result -replace $ansi; Errors = $errors.Result -replace $ansi }
}

if (-not $env:ERPCONNECTORS_SANDBOX_URI) {
    # A file run on its own: a sandbox for this pwsh process, stopped when it exits.
    $ownSandbox = Start-ErpTestSandbox
    $env:ERPCONNECTORS_SANDBOX_URI = $ownSandbox.Uri
    $null = Register-EngineEvent -SourceIdentifier PowerShell.Exiting -MessageData $ownSandbox -Action {
        if (-not $Event.MessageData.Process.HasExited) { $Event.MessageData.Process.Kill($true) }
    }
}

Import-Module (Get-ErpModuleManifest) -ErrorAction Stop
