using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;

namespace ErpConnectors.Core.Errors;

/// <summary>
/// The part of a failed answer worth reading. Vendor errors are a few hundred bytes; a gateway can answer a 500
/// with hundreds of megabytes (a dump, a loop), read again on every retry. Only the first <see cref="Cap"/> bytes
/// are read; the rest is never buffered: disposing the response drops it with the connection.
/// </summary>
internal static class ErrorBody
{
    public const int Cap = 64 * 1024;

    public static async Task<string> ReadAsync(HttpContent? content)
    {
        if (content is null)
        {
            return string.Empty;
        }

        using Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
        byte[] buffer = new byte[Cap];
        int filled = 0;
        try
        {
            int read;
            while (filled < Cap && (read = await stream.ReadAsync(buffer, filled, Cap - filled).ConfigureAwait(false)) > 0)
            {
                filled += read;
            }
        }
        catch (IOException)
        {
            // The error body broke off: what arrived still says what went wrong.
        }
        catch (HttpRequestException)
        {
        }

        return Decode(buffer, filled, content.Headers.ContentType?.CharSet);
    }

    /// <summary>Text of a body's first bytes in its declared charset (UTF-8 when none or unknown), byte-order mark dropped.</summary>
    public static string Decode(byte[] bytes, int count, string? charset)
    {
        Encoding encoding = Encoding.UTF8;
        if (!string.IsNullOrEmpty(charset))
        {
            try
            {
                encoding = Encoding.GetEncoding(charset!.Trim('"'));
            }
            catch (ArgumentException)
            {
                // An unknown charset: UTF-8 is the best guess for a JSON API.
            }
        }

        int start = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return encoding.GetString(bytes, start, count - start);
    }

    /// <summary>The start of a body for a message: one line, at most <paramref name="max"/> characters.</summary>
    public static string Excerpt(byte[] bytes, int count, int max = 160)
    {
        string text = Decode(bytes, Math.Min(count, max * 4), null);
        var line = new StringBuilder(Math.Min(text.Length, max));
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = line.Length > 0;
                continue;
            }

            if (space)
            {
                line.Append(' ');
                space = false;
            }

            line.Append(c);
            if (line.Length >= max)
            {
                line.Append("...");
                break;
            }
        }

        return line.ToString();
    }
}
