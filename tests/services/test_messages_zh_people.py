"""On a Chinese desktop the services refuse bad client, case and consultant input in Chinese
(and write nothing); the CLI's English is untouched."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from hkcase.domain.labels import label
from hkcase.domain.messages import set_language
from hkcase.domain.vocab import ApplicationType, Residence, Scheme, Sex
from hkcase.services.activity import case_activity
from hkcase.services.cases.facts import save_case_facts
from hkcase.services.clients import add_employment
from hkcase.services.consultants import add_consultant, rename_consultant
from hkcase.services.errors import NeedsConfirmation, ValidationError
from hkcase.services.records import (
    CaseInput,
    ClientInput,
    create_case,
    create_client,
    update_case,
)
from hkcase.store import ConflictError, Store
from hkcase.store.models import AuditEntry, Case, Client, Consultant

# What each language says, per check: (zh-hk, zh-cn).
WORDS = {
    "hkid": ("香港身份證號碼A123456(4)的檢查碼不正確：A123456的檢查碼應為(3)；請再核對證件",
             "香港身份证号码A123456(4)的检查码不正确：A123456的检查码应为(3)；请再核对证件"),
    "future": ("2999年1月1日是未來的日子", "2999年1月1日是未来的日子"),
    "young": ("是否正確？客戶將只有", "是否正确？客户将只有"),
    "confirm": ("（如無誤，請確認照樣儲存）", "（如无误，请确认照样保存）"),
    "consultant": ("該顧問已不在名單上", "该顾问已不在名单上"),
    "duplicate": ("BEN LAU已在名單上", "BEN LAU已在名单上"),
    "conflict": ("已於", "已于"),
    "advice": ("請重新載入，或保留你的版本並檢視差異", "请重新加载，或保留你的版本并查看差异"),
    "case": ("（個案", "（个案"),
    "salary": ("薪金", "薪金"),
    "job": ("工作的結束日期不可早於開始日期", "工作的结束日期不可早于开始日期"),
    "created": ("已開立個案", "已开立个案"),
}
LANGS = [pytest.param("zh-hk", 0, id="zh-hk"), pytest.param("zh-cn", 1, id="zh-cn")]


def _client(**overrides: object) -> ClientInput:
    data = ClientInput(family_name="Chan", given_names="Tai Man", sex=Sex.MALE,
                       date_of_birth=date(1990, 5, 17), nationality="CN",
                       residence=Residence.MAINLAND_CHINA)
    for key, value in overrides.items():
        setattr(data, key, value)
    return data


def _count(store: Store, model: type) -> int:
    with store.reading() as session:
        return int(session.scalar(sa.select(sa.func.count()).select_from(model)) or 0)


def _nothing_written(store: Store) -> None:
    assert (_count(store, Client), _count(store, AuditEntry)) == (0, 0)


@pytest.mark.parametrize(("lang", "column"), LANGS)
def test_a_bad_hkid_is_refused_in_chinese_and_nothing_is_written(
        sqlite_store: Store, lang: str, column: int) -> None:
    set_language(lang)
    with pytest.raises(ValidationError) as caught:
        create_client(sqlite_store, _client(hkid="A123456(4)"), actor="amy")
    assert caught.value.field == "hkid"  # an identifier: the GUI labels it
    assert caught.value.message == WORDS["hkid"][column]
    _nothing_written(sqlite_store)


@pytest.mark.parametrize(("lang", "column"), LANGS)
def test_a_birth_date_in_the_future_is_refused_in_chinese(
        sqlite_store: Store, lang: str, column: int) -> None:
    set_language(lang)
    with pytest.raises(ValidationError) as caught:
        create_client(sqlite_store, _client(date_of_birth=date(2999, 1, 1)), actor="amy")
    assert (caught.value.field, caught.value.message) == ("date_of_birth", WORDS["future"][column])
    _nothing_written(sqlite_store)


@pytest.mark.parametrize(("lang", "column"), LANGS)
def test_a_young_principal_is_asked_about_in_chinese(
        sqlite_store: Store, lang: str, column: int) -> None:
    set_language(lang)
    born = date.today() - timedelta(days=365 * 10)
    with pytest.raises(NeedsConfirmation) as caught:
        create_client(sqlite_store, _client(date_of_birth=born), actor="amy", confirm=False)
    message = caught.value.message
    assert message.startswith(f"{born.year}年{born.month}月{born.day}日")
    assert WORDS["young"][column] in message and message.endswith(WORDS["confirm"][column])
    assert not any(word in message for word in ("right", "confirm", "Nov", "client"))
    _nothing_written(sqlite_store)


def test_the_same_question_stays_word_for_word_english() -> None:
    """The CLI and the tests run in English: the join reads as it always did."""
    error = NeedsConfirmation(["Is 25 Nov 2082 right?", "The estimate is 25 Nov 2031."],
                              "limit_of_stay")
    assert error.message == ("Is 25 Nov 2082 right? The estimate is 25 Nov 2031. "
                             "(confirm to save it anyway)")
    assert str(error) == f"limit_of_stay: {error.message}"


@pytest.mark.parametrize(("lang", "column"), LANGS)
def test_an_unknown_or_duplicate_consultant_is_refused_in_chinese(
        sqlite_store: Store, lang: str, column: int) -> None:
    add_consultant(sqlite_store, "BEN LAU", actor="amy")
    set_language(lang)
    with pytest.raises(ValidationError) as unknown:
        rename_consultant(sqlite_store, 999, "Amy Chow", actor="amy")
    assert (unknown.value.field, unknown.value.message) == ("consultant",
                                                            WORDS["consultant"][column])
    with pytest.raises(ValidationError) as twice:
        add_consultant(sqlite_store, "  ben   lau ", actor="amy")
    assert twice.value.message == WORDS["duplicate"][column]
    with sqlite_store.reading() as session:
        assert session.scalars(sa.select(Consultant.name)).all() == ["BEN LAU"]


def _case(store: Store) -> tuple[int, int, int]:
    client = create_client(store, _client(), actor="ben")
    ref = create_case(store, CaseInput(client, Scheme.GEP, ApplicationType.NEW,
                                       date(2026, 11, 2)), actor="ben")
    return client, ref.id, ref.version


@pytest.mark.parametrize(("lang", "column"), LANGS)
def test_a_conflicting_edit_names_the_colleague_in_chinese(
        sqlite_store: Store, lang: str, column: int) -> None:
    _, case_id, version = _case(sqlite_store)
    update_case(sqlite_store, case_id, version, actor="Ben Lau", employer="Acme")
    entries = _count(sqlite_store, AuditEntry)
    set_language(lang)
    with pytest.raises(ConflictError) as caught:
        update_case(sqlite_store, case_id, version, actor="Amy Chow", employer="Other")
    text = str(caught.value)
    assert text.startswith(f"Ben Lau{WORDS['conflict'][column]}")
    assert WORDS["advice"][column] in text and WORDS["case"][column] in text
    assert "Changed by" not in text and "reload" not in text
    with sqlite_store.reading() as session:
        assert session.get_one(Case, case_id).employer == "Acme"
    assert _count(sqlite_store, AuditEntry) == entries


@pytest.mark.parametrize(("lang", "column"), LANGS)
def test_bad_case_facts_and_history_are_refused_in_chinese(
        sqlite_store: Store, lang: str, column: int) -> None:
    client_id, case_id, version = _case(sqlite_store)
    entries = _count(sqlite_store, AuditEntry)
    set_language(lang)
    with pytest.raises(ValidationError) as facts:
        save_case_facts(sqlite_store, case_id, version, {"salary_hkd": 50_000}, actor="amy")
    assert facts.value.field == "salary_period"
    assert WORDS["salary"][column] in facts.value.message
    assert "monthly" not in facts.value.message
    with pytest.raises(ValidationError) as job:
        add_employment(sqlite_store, client_id, employer="Acme", position=None,
                       start_date=date(2026, 1, 1), end_date=date(2025, 1, 1),
                       annual_income_hkd=None, actor="amy")
    assert (job.value.field, job.value.message) == ("end_date", WORDS["job"][column])
    assert _count(sqlite_store, AuditEntry) == entries


@pytest.mark.parametrize(("lang", "column"), LANGS)
def test_the_activity_tab_reads_in_chinese(sqlite_store: Store, lang: str, column: int) -> None:
    _, case_id, _ = _case(sqlite_store)
    set_language(lang)
    texts = [row.text for row in case_activity(sqlite_store, case_id)]
    scheme = label(Scheme.GEP, lang)  # a scheme code reads as the scheme's name
    assert f"{WORDS['created'][column]}（{scheme}、" in texts[0] and texts[0].endswith("ben）")
    assert "GEP" not in texts[0]
    set_language("en")
    assert [row.text for row in case_activity(sqlite_store, case_id)] == [
        "Case created (GEP, new) by ben", "Client created by ben"]


def test_a_checklist_is_named_by_its_template_title_in_chinese(sqlite_store: Store) -> None:
    from hkcase.domain.checklists import Lang, template_for
    from hkcase.services.checklists import create_checklist

    _, case_id, _ = _case(sqlite_store)
    create_checklist(sqlite_store, case_id, actor="amy")
    template = template_for(Scheme.GEP, ApplicationType.NEW, date.today())
    set_language("zh-hk")
    texts = [row.text for row in case_activity(sqlite_store, case_id)]
    made = next(t for t in texts if template.title.get(Lang.ZH_HK) in t)
    assert template.id not in made and "@" not in made
    set_language("en")
    assert any(template.id in row.text for row in case_activity(sqlite_store, case_id))
