namespace Portal.Web.Tests.Shell;

/// <summary>The portal caps glibc's malloc arenas at start-up, unless the operator chose a number themselves.</summary>
public sealed class MallocArenasTests
{
    [Fact]
    public void OnDebianTheCapIsOnePerCoreAndAtLeastTwo()
    {
        // mallopt answers whether it took the setting: a C library without it answers 0, and Limit says null.
        WithOperatorSetting(null, () => Assert.Equal(Math.Max(2, Environment.ProcessorCount), MallocArenas.Limit()));
    }

    [Fact]
    public void AnOperatorsOwnSettingIsLeftAlone() =>
        WithOperatorSetting("3", () => Assert.Null(MallocArenas.Limit()));

    private static void WithOperatorSetting(string? value, Action test)
    {
        var before = Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX");
        Environment.SetEnvironmentVariable("MALLOC_ARENA_MAX", value);
        try
        {
            test();
        }
        finally
        {
            Environment.SetEnvironmentVariable("MALLOC_ARENA_MAX", before);
        }
    }
}
