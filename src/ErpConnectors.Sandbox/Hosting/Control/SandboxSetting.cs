using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Hosting.Control;

/// <summary>
/// One knob of a running system that the control endpoint reads and changes: durations travel as seconds,
/// rates as probabilities, counts as whole numbers. The setter validates (and throws
/// <see cref="ArgumentException"/> for a value out of range) the way the options themselves do.
/// </summary>
internal sealed class SandboxSetting
{
    private readonly Func<object> _get;
    private readonly Action<object> _set;

    private SandboxSetting(string name, Type type, Func<object> get, Action<object> set)
    {
        Name = name;
        Type = type;
        _get = get;
        _set = set;
    }

    /// <summary>The JSON name, camelCase ("tooManyRequestsRate").</summary>
    public string Name { get; }

    /// <summary>bool, int, double or TimeSpan.</summary>
    public Type Type { get; }

    /// <summary>"seconds" for durations, else null.</summary>
    public string? Unit => Type == typeof(TimeSpan) ? "seconds" : null;

    public static bool IsSupported(Type type) => type == typeof(bool) || type == typeof(int) || type == typeof(double) || type == typeof(TimeSpan);

    /// <summary>A setting over a property of an options object.</summary>
    public static SandboxSetting Of(string name, object owner, PropertyInfo property) =>
        new(name, property.PropertyType, () => property.GetValue(owner)!, value => Invoke(() => property.SetValue(owner, value)));

    /// <summary>A setting over a getter and setter (an alias such as tokenLifetime).</summary>
    /// <param name="check">Throws <see cref="ArgumentOutOfRangeException"/> for a value the option cannot take (options validated only at start).</param>
    public static SandboxSetting Of<T>(string name, Func<T> get, Action<T> set, Action<T>? check = null)
        where T : struct =>
        new(name, typeof(T), () => get(), value =>
        {
            check?.Invoke((T)value);
            set((T)value);
        });

    /// <summary>A duration setting that must stay above zero (token and session lifetimes).</summary>
    public static SandboxSetting Lifetime(string name, Func<TimeSpan> get, Action<TimeSpan> set) =>
        Of(name, get, set, value => ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero, name));

    /// <summary>A probability setting, 0 to 1.</summary>
    public static SandboxSetting Probability(string name, Func<double> get, Action<double> set) =>
        Of(name, get, set, value =>
        {
            if (value is < 0 or > 1)
            {
                throw new ArgumentOutOfRangeException(name, value, "A probability from 0 to 1.");
            }
        });

    /// <summary>
    /// Every public read-write property of <paramref name="owner"/> whose type a setting can carry: new fault
    /// kinds added to <see cref="FaultOptions"/> become settable without touching the control endpoint.
    /// </summary>
    public static IEnumerable<SandboxSetting> AllOf(object owner) =>
        owner.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite && p.GetSetMethod() is not null && p.GetIndexParameters().Length == 0 && IsSupported(p.PropertyType))
            .Select(p => Of(JsonNamingPolicy.CamelCase.ConvertName(p.Name), owner, p));

    /// <summary>The value as JSON carries it (a duration in seconds).</summary>
    public object Read() => _get() is TimeSpan duration ? duration.TotalSeconds : _get();

    /// <summary>The current value, typed (for restoring it).</summary>
    public object ReadRaw() => _get();

    public void WriteRaw(object value) => _set(value);

    /// <summary>Parses a JSON value for this setting; throws <see cref="FormatException"/> naming the setting.</summary>
    public object Parse(JsonElement value)
    {
        if (Type == typeof(bool) && value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            if (Type == typeof(int) && value.TryGetInt32(out var whole))
            {
                return whole;
            }

            if (Type == typeof(double) && value.TryGetDouble(out var real) && double.IsFinite(real))
            {
                return real;
            }

            if (Type == typeof(TimeSpan) && value.TryGetDouble(out var seconds) && double.IsFinite(seconds) && Math.Abs(seconds) < TimeSpan.MaxValue.TotalSeconds)
            {
                return TimeSpan.FromSeconds(seconds);
            }
        }

        throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"'{Name}' takes {Describe()}, not {value.GetRawText()}."));
    }

    private string Describe() =>
        Type == typeof(bool) ? "true or false"
        : Type == typeof(int) ? "a whole number"
        : Type == typeof(TimeSpan) ? "a number of seconds"
        : "a number";

    // Reflection wraps a setter's ArgumentException; the caller reports the inner one.
    private static void Invoke(Action set)
    {
        try
        {
            set();
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
        }
    }
}
