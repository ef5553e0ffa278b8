using System.IO;
using Engagement.Rules.Yaml.Providers;

namespace Engagement.Rules.Yaml.Tests;

/// <summary>The provider's rule sets carry the fingerprint of their files, so results name the version in service.</summary>
public sealed partial class FileSystemRuleSetProviderTest
{
    [Test]
    public void Current_SeveralPaths_CarriesTheFingerprintOfTheirLoad()
    {
        using var folder = new TempFolder();
        folder.Write("rules/a.yaml", Rule("first"));
        var single = folder.Write("shared/b.yaml", Rule("second"));
        string[] paths = [Path.Combine(folder.Path, "rules"), single];

        using var provider = new FileSystemRuleSetProvider(paths);

        provider.Current.Fingerprint.Should().Be(new RuleFileLoader().Load(paths).Fingerprint);
    }

    [Test]
    public void TryReload_ValidChange_TheNewSetHasAnotherFingerprint()
    {
        using var folder = new TempFolder();
        var file = folder.Write("a.yaml", Rule("first"));
        using var provider = new FileSystemRuleSetProvider([folder.Path]);
        var before = provider.Current.Fingerprint;

        File.WriteAllText(file, Rule("renamed"));
        provider.TryReload().Should().BeTrue();

        provider.Current.Fingerprint.Should().NotBe(before).And.Be(new RuleFileLoader().Load([folder.Path]).Fingerprint);
    }
}
