namespace CallVault.Dashboard.Tests.TestSupport;

/// <summary>Every browser test class shares one server and one browser, and runs one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
