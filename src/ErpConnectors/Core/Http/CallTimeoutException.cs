using System;

namespace ErpConnectors.Core.Http;

/// <summary>A call ran out of one of its deadlines (see <see cref="CallDeadline"/>); the message says which.</summary>
internal sealed class CallTimeoutException : TimeoutException
{
    public CallTimeoutException(string message, bool totalSpent, Exception? inner = null)
        : base(message, inner)
    {
        TotalSpent = totalSpent;
    }

    /// <summary>The total deadline is spent: another attempt cannot succeed in time.</summary>
    public bool TotalSpent { get; }
}
