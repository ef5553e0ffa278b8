using System.Collections.Generic;
using NodaTime;
using YamlDotNet.RepresentationModel;

namespace Engagement.Rules.Yaml.Testing;

/// <summary>
/// A case as written, defaults applied; facts stay YAML until the case runs. The default facts and the case's own
/// are kept apart: a case's fact replaces a default fact of the same identity, while two facts of one identity in
/// the same list are an error.
/// </summary>
internal sealed record CaseSpec(
    IReadOnlyList<string> RulePaths,
    Instant At,
    YamlMappingNode Customer,
    YamlMappingNode Dealership,
    IReadOnlyList<YamlNode> DefaultFacts,
    IReadOnlyList<YamlNode> CaseFacts,
    IReadOnlyList<TouchExpectation> Expected,
    IReadOnlyList<TouchExpectation> NotExpected,
    IReadOnlyList<TouchExpectation> ExpectedSuppressed,
    bool NothingElse);
