# -WhatIf changes nothing, and a prompt in a non-interactive session (a runbook) is an error, never a wait and never a
# silent "yes": a ConfirmImpact High cmdlet without -Confirm:$false leaves the record where it was.
BeforeAll {
    . $PSScriptRoot/ErpTestHelper.ps1
    Connect-Microbizz -Sandbox
    $task = [pscustomobject]@{ title = 'Pester WhatIf task'; status = 'NEW'; company_ref = 1 } | New-MicrobizzTask -Confirm:$false
    # Notifications can be deleted (ConfirmImpact High); the last one is the one the other files are least likely to touch.
    $note = @(Get-MicrobizzNotification)[-1]
}

Describe '-WhatIf and -Confirm' {
    It '-WhatIf on Set-MicrobizzTask leaves the task as it was' {
        $task | Set-MicrobizzTask -Status STARTED -WhatIf
        (Get-MicrobizzTask -Id $task.task_id).status | Should -Be 'NEW'
    }

    It '-WhatIf on Remove-MicrobizzNotification keeps the notification' {
        $note | Remove-MicrobizzNotification -WhatIf
        (Get-MicrobizzNotification -Id $note.notification_id).notification_id | Should -Be $note.notification_id
    }

    It 'prints "What if:" lines in pwsh and sends no change' {
        $run = Invoke-ErpPwsh @"
Import-Module `$env:ERP_MODULE
Connect-Microbizz -Sandbox
Set-MicrobizzTask -Id $($task.task_id) -Status DONE -WhatIf
(Get-MicrobizzTask -Id $($task.task_id)).status
"@
        $run.ExitCode | Should -Be 0
        $run.Output | Should -Match 'What if: '
        ($run.Output -split '\r?\n' | Where-Object { $_ })[-1] | Should -Be 'NEW'
    }

    It 'a ConfirmImpact High removal without -Confirm:$false fails in a non-interactive pwsh and keeps the record' {
        $run = Invoke-ErpPwsh @"
Import-Module `$env:ERP_MODULE
Connect-Microbizz -Sandbox
try { Remove-MicrobizzNotification -Id $($note.notification_id) -ErrorAction Stop; 'removed' } catch { 'refused: ' + `$_.Exception.Message }
(Get-MicrobizzNotification -Id $($note.notification_id)).notification_id
"@
        $lines = @($run.Output -split '\r?\n' | Where-Object { $_ })
        $lines[0] | Should -BeLike 'refused: *NonInteractive*'
        $lines[-1] | Should -Be ([string]$note.notification_id)
    }

    It '-Confirm on a change fails in a non-interactive pwsh and changes nothing' {
        $run = Invoke-ErpPwsh @"
Import-Module `$env:ERP_MODULE
Connect-Microbizz -Sandbox
try { Set-MicrobizzTask -Id $($task.task_id) -Status DONE -Confirm -ErrorAction Stop; 'changed' } catch { 'refused' }
(Get-MicrobizzTask -Id $($task.task_id)).status
"@
        $lines = @($run.Output -split '\r?\n' | Where-Object { $_ })
        $lines[0] | Should -Be 'refused'
        $lines[-1] | Should -Be 'NEW'
    }

    It '-Confirm:$false removes it' {
        Remove-MicrobizzNotification -Id $note.notification_id -Confirm:$false
        Get-MicrobizzNotification -Id $note.notification_id -ErrorAction SilentlyContinue -ErrorVariable missing | Should -BeNullOrEmpty
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}
