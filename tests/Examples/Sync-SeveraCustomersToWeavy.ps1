<#
.SYNOPSIS
    Copies the Visma Severa customers changed since a date into Divalto Weavy (BulkImport, upserts on customer_ID).

.DESCRIPTION
    The example runbook of README.md's "Test your runbook against the sandbox" (and about_ErpSandbox): it uses the
    connections the caller made (Connect-Severa, Connect-Weavy), so the same script runs against the real systems
    in production and against the sandbox in its tests (Sync-SeveraCustomersToWeavy.Tests.ps1).

.PARAMETER Since
    Customers changed at or after this moment are copied.

.PARAMETER BatchSize
    Rows per Weavy BulkImport; each batch is all or nothing.

.EXAMPLE
    Connect-Severa -Credential $severa; Connect-Weavy -ProjectCode ACME -Credential $weavy -Region Europe
    ./Sync-SeveraCustomersToWeavy.ps1 -Since (Get-Date).AddDays(-1)
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)]
    [datetimeoffset] $Since,

    [ValidateRange(1, 1000)]
    [int] $BatchSize = 50
)

$ErrorActionPreference = 'Stop'

Get-SeveraCustomer -ChangedSince $Since |
    ForEach-Object {
        [pscustomobject]@{
            customer_ID = [string]$_.number
            name        = $_.name
            email       = $_.email
            city        = $_.headquarterAddress.city
            isActive    = $_.isActive
        }
    } |
    Invoke-WeavyDatasetImport customer -BatchSize $BatchSize
