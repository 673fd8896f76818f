# PSScriptAnalyzer settings for the module's scripts (ErpConnectors.psm1, build.ps1) and the README's examples.
# Run: Invoke-ScriptAnalyzer -Path . -Recurse -Settings ./PSScriptAnalyzerSettings.psd1
@{
    Severity     = @('Error', 'Warning')
    IncludeDefaultRules = $true
    ExcludeRules = @(
        # build.ps1 reports progress to the person running it.
        'PSAvoidUsingWriteHost'
    )
    Rules        = @{
        # One module for Windows PowerShell 5.1 and PowerShell 7.4+: flag syntax and commands either lacks.
        PSUseCompatibleSyntax   = @{
            Enable         = $true
            TargetVersions = @('5.1', '7.4')
        }
        PSUseCompatibleCommands = @{
            Enable         = $true
            TargetProfiles = @(
                'win-48_x64_10.0.17763.0_5.1.17763.316_x64_4.0.30319.42000_framework'
                'ubuntu_x64_18.04_7.0.0_x64_3.1.2_core'
            )
        }
        PSPlaceOpenBrace        = @{ Enable = $true; OnSameLine = $true; NewLineAfter = $true }
        PSUseConsistentIndentation = @{ Enable = $true; IndentationSize = 4; Kind = 'space' }
        PSUseConsistentWhitespace  = @{ Enable = $true }
        PSAvoidUsingCmdletAliases  = @{ Enable = $true }
    }
}
