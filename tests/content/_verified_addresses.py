"""Web addresses the content may give although the pack does not: each was checked to be the
publisher's own page, and the note says where and when. Anything else must come from the pack."""

VERIFIED_ADDRESSES: dict[str, str] = {
    "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/lawful-basis/"
    "lawful-basis-interactive-guidance-tool/":
        "ICO's lawful basis interactive guidance tool, named in the pack without an address; the "
        "ICO's lawful basis page links its 'Lawful basis interactive toolkit' and the tool's "
        "report is served under this path (checked 30 November 2026). Used by the guided "
        "lawful-basis helper (content/lawful_basis_helper.yaml).",
}
