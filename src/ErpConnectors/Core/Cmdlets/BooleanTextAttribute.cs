using System;
using System.Management.Automation;

namespace ErpConnectors.Core.Cmdlets;

/// <summary>
/// Lets a [bool] parameter take the text CSV files hold ("True", "false", "yes", "0"): PowerShell's binder refuses
/// strings for bool parameters, so Import-Csv rows could not bind otherwise. Anything else is left for the binder
/// to refuse with its usual message.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class BooleanTextAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is not string text)
        {
            return inputData;
        }

        switch (text.Trim().ToUpperInvariant())
        {
            case "TRUE":
            case "YES":
            case "1":
                return true;
            case "FALSE":
            case "NO":
            case "0":
            case "":
                return false;
            default:
                throw new ArgumentTransformationMetadataException($"'{text}' is not a boolean: use True or False (also yes/no, 1/0).");
        }
    }
}
