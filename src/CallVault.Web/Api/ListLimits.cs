namespace CallVault.Web.Api;

internal static class ListLimits
{
    public const int Default = 50;
    public const int Max = 200;

    public static bool TryNormalize(int? requested, out int limit)
    {
        limit = requested ?? Default;
        return limit is >= 1 and <= Max;
    }
}
