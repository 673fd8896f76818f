# Loads the module's cmdlets so that their dependencies (Microsoft.Extensions.*, Polly, System.Text.Json) never
# clash with other versions already in the session: on PowerShell 7 they load into the module's own
# AssemblyLoadContext; on Windows PowerShell 5.1 (one context per AppDomain) they are resolved from bin/.
# Only ErpConnectors.Shared.dll (connection types that scripts use) lives in the default context.

$importModule = Get-Command -Name Import-Module -Module Microsoft.PowerShell.Core
$isReload = $true
if (-not ('ErpConnectors.Loading.ModuleLoader' -as [type])) {
    $isReload = $false
    # A .NET call rather than Add-Type: it behaves the same in every host, including minimal embedded engines.
    $null = [System.Reflection.Assembly]::LoadFrom([System.IO.Path]::Combine($PSScriptRoot, 'bin', 'ErpConnectors.Shared.dll'))
}

$implementation = [ErpConnectors.Loading.ModuleLoader]::Initialize()
$innerModule = & $importModule -Assembly $implementation -PassThru:$isReload

if ($innerModule) {
    # Re-importing an assembly returns the cached module without adding its cmdlets to this module's scope
    # (PowerShell/PowerShell#20710): add them explicitly.
    $addExportedCmdlet = [System.Management.Automation.PSModuleInfo].GetMethod(
        'AddExportedCmdlet',
        [System.Reflection.BindingFlags]'Instance, NonPublic'
    )
    foreach ($cmdlet in $innerModule.ExportedCmdlets.Values) {
        $addExportedCmdlet.Invoke($ExecutionContext.SessionState.Module, @(, $cmdlet))
    }
}

# No sandbox started in this session outlives the module (Start-ErpSandbox; the session's end and the process's
# exit are handled in the module's code).
$ExecutionContext.SessionState.Module.OnRemove = {
    $implementation.GetType('ErpConnectors.Sandbox.SandboxSessions', $true).GetMethod('StopStartedInThisSession').Invoke($null, @())
}.GetNewClosure()
