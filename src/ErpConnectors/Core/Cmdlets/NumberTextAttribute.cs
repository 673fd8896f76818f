using System;
using System.Management.Automation;
using ErpConnectors.Core.Common;

namespace ErpConnectors.Core.Cmdlets;

/// <summary>
/// Reads a numeric parameter's text (an Import-Csv cell) by <see cref="NumberText"/>'s rule instead of PowerShell's
/// invariant conversion, which drops commas ("1,5" -> 15). Numbers pass through untouched; an empty cell binds as
/// null (an optional parameter is not given, a mandatory one is refused instead of becoming 0). <see cref="WholeNumber"/> for ids and counts: "12.0" is 12, "1.5" is refused (the binder
/// would round it to 2).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class NumberTextAttribute : ArgumentTransformationAttribute
{
    public bool WholeNumber { get; set; }

    /// <summary>
    /// A range checked here rather than with [ValidateRange], which refuses the null an empty CSV cell becomes
    /// (NaN: no bound).
    /// </summary>
    public double Minimum { get; set; } = double.NaN;

    public double Maximum { get; set; } = double.NaN;

    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is object[] items)
        {
            // -Id '1,500', '7' on a [long[]] parameter: each element by the same rule
            var converted = new object?[items.Length];
            for (int i = 0; i < items.Length; i++)
            {
                converted[i] = One(items[i]);
            }

            return converted;
        }

        return One(inputData);
    }

    private object? One(object? inputData)
    {
        object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is not string text)
        {
            if (value is IConvertible given and not bool and not DateTime)
            {
                InRange(Convert.ToDouble(given, System.Globalization.CultureInfo.InvariantCulture), value);
            }

            return inputData;
        }

        if (text.Trim().Length == 0)
        {
            return null; // an empty cell: not given (PowerShell would bind 0)
        }

        if (!NumberText.TryParse(text, WholeNumber, out decimal number, out string error))
        {
            throw new ArgumentTransformationMetadataException(error);
        }

        InRange((double)number, text);
        return WholeNumber ? (object)decimal.ToInt64(number) : number;
    }

    private void InRange(double number, object given)
    {
        if ((!double.IsNaN(Minimum) && number < Minimum) || (!double.IsNaN(Maximum) && number > Maximum))
        {
            throw new ArgumentTransformationMetadataException($"'{given}' is outside the range {Minimum}-{Maximum}.");
        }
    }
}
