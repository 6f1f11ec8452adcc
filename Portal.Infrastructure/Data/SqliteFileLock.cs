using Microsoft.Data.Sqlite;

namespace Portal.Infrastructure.Data;

/// <summary>
/// An exclusive lock on a file beside a SQLite database, held while the returned stream is open.
/// Every process that can open the database runs on this machine, so a file lock keeps them apart;
/// it dies with the process holding it, so a crash never leaves it behind. An in-memory database
/// has no file and no other process: it gets no lock.
/// </summary>
internal static class SqliteFileLock
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>Waits for the lock named <paramref name="suffix"/> on the database <paramref name="connectionString"/> names; null for an in-memory database.</summary>
    /// <param name="waiting">Called once, when another process holds it.</param>
    public static async Task<FileStream?> TakeAsync(string? connectionString, string suffix, Action waiting, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
            return null;

        var path = Path.GetFullPath(builder.DataSource) + suffix;
        var told = false;
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive lock on the file (flock on Linux) for as long as it is open,
                // against other processes and against another open of it in this one.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (File.Exists(path))
            {
                if (!told)
                    waiting();
                told = true;
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }
}
