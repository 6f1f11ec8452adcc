using System.Runtime.InteropServices;

namespace Portal.Web;

/// <summary>
/// Caps how many arenas glibc's malloc keeps. By default it keeps up to eight per core, and each
/// thread that finds the others busy may start one; SQLite's page caches and statements are native
/// allocations made on whichever thread-pool thread runs the query, so a busy portal spreads them
/// over many arenas, each of which keeps what is freed in it. Capped at one per core (at least two),
/// the same pages under load peaked at 377 MiB instead of 454 (docs/performance.md, issue 25). An
/// operator's own MALLOC_ARENA_MAX, which glibc reads before the process starts, is left alone.
/// </summary>
public static class MallocArenas
{
    /// <summary>M_ARENA_MAX in glibc's malloc.h.</summary>
    private const int ArenaMax = -8;

    /// <returns>The cap now in force, or null when none was set here (not glibc, or the operator set one).</returns>
    public static int? Limit()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null)
            return null;
        var arenas = Math.Max(2, Environment.ProcessorCount);
        try
        {
            // mallopt answers 1 when it took the setting; a C library that has no such setting answers 0.
            return Mallopt(ArenaMax, arenas) == 1 ? arenas : null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    // Two ints in, one out: nothing to marshal, so the plain DllImport (LibraryImport would need the
    // whole project compiled with unsafe code allowed).
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int Mallopt(int parameter, int value);
#pragma warning restore SYSLIB1054
}
