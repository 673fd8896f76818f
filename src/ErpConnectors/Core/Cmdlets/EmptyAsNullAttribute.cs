using System;
using System.Management.Automation;

namespace ErpConnectors.Core.Cmdlets;

/// <summary>
/// An empty CSV cell means "no value": PowerShell would turn "" into 0 for a number or fail for a date, so an
/// optional id or date taken from Import-Csv rows is bound as null (not given) instead.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class EmptyAsNullAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is string text && text.Trim().Length == 0 ? null : inputData;
}
