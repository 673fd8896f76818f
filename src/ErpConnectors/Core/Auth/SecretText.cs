using System;
using System.Runtime.InteropServices;
using System.Security;

namespace ErpConnectors.Core.Auth;

/// <summary>
/// Secrets stay in SecureStrings; this opens one only for the moment a request body is built, so no plain
/// string copy outlives the request that needed it.
/// </summary>
internal static class SecretText
{
    public static T Use<T>(SecureString secret, Func<string, T> use)
    {
        IntPtr pointer = IntPtr.Zero;
        try
        {
            pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
            return use(Marshal.PtrToStringUni(pointer) ?? string.Empty);
        }
        finally
        {
            if (pointer != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }

    public static SecureString Protect(string text)
    {
        var secret = new SecureString();
        foreach (char c in text)
        {
            secret.AppendChar(c);
        }

        secret.MakeReadOnly();
        return secret;
    }
}
