using System;
using System.IO;
using System.Management.Automation;
using ErpConnectors.Core.Errors;

namespace ErpConnectors.Core.Files;

/// <summary>
/// Paths a user gives to a cmdlet, resolved the PowerShell way (relative to the current location, wildcards
/// refused, FileSystem provider only) and checked before anything is sent: a typo must not cost a request that
/// changes data, and a download must not be fetched only to fail at the last step.
/// </summary>
internal static class LocalFile
{
    /// <summary>The bytes of an existing, readable file; otherwise false, after writing an ErrorRecord that names the path.</summary>
    public static bool TryRead(PSCmdlet cmdlet, string path, string errorPrefix, out string fullPath, out byte[] content)
    {
        content = Array.Empty<byte>();
        fullPath = string.Empty;
        if (!TryResolve(cmdlet, path, errorPrefix, out fullPath))
        {
            return false;
        }

        if (Directory.Exists(fullPath))
        {
            cmdlet.WriteError(ErrorMapper.InvalidArgument($"{errorPrefix}.PathIsDirectory", $"'{path}' is a directory; give the path of a file.", path));
            return false;
        }

        try
        {
            content = File.ReadAllBytes(fullPath);
            return true;
        }
        catch (FileNotFoundException)
        {
            cmdlet.WriteError(Failure($"{errorPrefix}.FileNotFound", $"The file '{fullPath}' does not exist.", ErrorCategory.ObjectNotFound, path));
        }
        catch (DirectoryNotFoundException)
        {
            cmdlet.WriteError(Failure($"{errorPrefix}.FileNotFound", $"The file '{fullPath}' does not exist (its folder is missing).", ErrorCategory.ObjectNotFound, path));
        }
        catch (UnauthorizedAccessException ex)
        {
            cmdlet.WriteError(Failure($"{errorPrefix}.FileNotReadable", $"The file '{fullPath}' cannot be read: {ex.Message}", ErrorCategory.PermissionDenied, path));
        }
        catch (IOException ex)
        {
            cmdlet.WriteError(Failure($"{errorPrefix}.FileNotReadable", $"The file '{fullPath}' cannot be read: {ex.Message}", ErrorCategory.ReadError, path));
        }

        return false;
    }

    /// <summary>
    /// Where to write a file: the path itself, or a file named <paramref name="suggestedName"/> inside it when it
    /// is a directory (known only once the server answered, hence the callback). Checks the folder exists and that
    /// an existing file is only replaced with -Force.
    /// </summary>
    public static bool TryPrepareWrite(PSCmdlet cmdlet, string path, bool force, string errorPrefix, out string fullPath)
    {
        if (!TryResolve(cmdlet, path, errorPrefix, out fullPath))
        {
            return false;
        }

        if (Directory.Exists(fullPath))
        {
            return true; // a folder: the file keeps the server's name (see Target)
        }

        string? folder = Path.GetDirectoryName(fullPath);
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            cmdlet.WriteError(Failure($"{errorPrefix}.FolderNotFound", $"The folder '{folder}' does not exist; create it first or give another -Path.", ErrorCategory.ObjectNotFound, path));
            return false;
        }

        if (File.Exists(fullPath) && !force)
        {
            cmdlet.WriteError(Failure($"{errorPrefix}.FileExists", $"The file '{fullPath}' already exists; add -Force to replace it.", ErrorCategory.ResourceExists, path));
            return false;
        }

        return true;
    }

    /// <summary>The file to write: inside a folder, the server's file name (its folder parts dropped, so it cannot climb out).</summary>
    public static string Target(string fullPath, string? suggestedName, string fallbackName)
    {
        if (!Directory.Exists(fullPath))
        {
            return fullPath;
        }

        string[] parts = (suggestedName ?? string.Empty).Replace('\\', '/').Split('/');
        string name = parts[parts.Length - 1];
        if (name.Length == 0 || name == "." || name == ".." || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            name = fallbackName;
        }

        return Path.Combine(fullPath, name);
    }

    private static bool TryResolve(PSCmdlet cmdlet, string path, string errorPrefix, out string fullPath)
    {
        fullPath = string.Empty;
        try
        {
            fullPath = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out ProviderInfo provider, out _);
            if (provider.Name != "FileSystem")
            {
                cmdlet.WriteError(ErrorMapper.InvalidArgument($"{errorPrefix}.NotAFileSystemPath", $"'{path}' is on the {provider.Name} drive; give a file system path.", path));
                return false;
            }

            return true;
        }
        catch (Exception ex) when (ex is ItemNotFoundException || ex is System.Management.Automation.DriveNotFoundException || ex is ProviderNotFoundException || ex is PSArgumentException || ex is NotSupportedException)
        {
            cmdlet.WriteError(Failure($"{errorPrefix}.InvalidPath", $"'{path}' is not a usable path: {ex.Message}", ErrorCategory.InvalidArgument, path));
            return false;
        }
    }

    private static ErrorRecord Failure(string errorId, string message, ErrorCategory category, object target) =>
        new(new IOException(message), errorId, category, target);
}
