from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    model_dump,
    model_dump_json,
    model_repr,
)

if TYPE_CHECKING:
    from ..models.moderation_result_categories import ModerationResultCategories
    from ..models.moderation_result_category_applied_input_types import (
        ModerationResultCategoryAppliedInputTypes,
    )
    from ..models.moderation_result_category_scores import (
        ModerationResultCategoryScores,
    )


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "flagged",
        "categories",
        "category_scores",
        "category_applied_input_types",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class ModerationResult:
    """The classification of one input. Categories are an open set, the keys of `categories`
    and `category_scores`; OpenAI's today: `harassment`, `harassment/threatening`, `hate`,
    `hate/threatening`, `illicit`, `illicit/violent`, `self-harm`, `self-harm/intent`,
    `self-harm/instructions`, `sexual`, `sexual/minors`, `violence`, `violence/graphic`.

    """

    flagged: bool
    """ Whether any category is flagged. """
    categories: ModerationResultCategories
    """ Category name to whether it is flagged. """
    category_scores: ModerationResultCategoryScores
    """ Category name to the model's confidence, from 0 to 1. """
    category_applied_input_types: ModerationResultCategoryAppliedInputTypes | None = (
        None
    )
    """ Category name to the input types (`text`, `image`) it was judged on. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields the contract does not name (a newer CoreX's), kept as received."""
    _nulls: tuple[str, ...] = _attrs_field(init=False, default=(), eq=False, repr=False)
    """The optional fields that came as an explicit JSON null (they read as None too)."""
    _request_id: str | None = _attrs_field(
        init=False, default=None, eq=False, repr=False
    )
    """The X-Request-Id of the call that returned this object, when it is a call's result."""

    def __repr__(self) -> str:
        return model_repr(self)

    def model_dump(self, *, exclude_none: bool = False) -> dict[str, Any]:
        """`to_dict()`, under pydantic's name; ``exclude_none`` leaves out every null."""
        return model_dump(self, exclude_none=exclude_none)

    def model_dump_json(
        self, *, indent: int | None = None, exclude_none: bool = False
    ) -> str:
        """`to_dict()` as JSON text, under pydantic's name."""
        return model_dump_json(self, indent=indent, exclude_none=exclude_none)

    def to_dict(self) -> dict[str, Any]:
        if _unresolved:
            _resolve()
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["flagged"] = self.flagged
        field_dict["categories"] = self.categories.to_dict()
        field_dict["category_scores"] = self.category_scores.to_dict()
        category_applied_input_types = self.category_applied_input_types
        if category_applied_input_types is not None:
            field_dict["category_applied_input_types"] = (
                category_applied_input_types.to_dict()
            )
        elif "category_applied_input_types" in self._nulls:
            field_dict["category_applied_input_types"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ModerationResult is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        flagged = _d["flagged"]
        categories = ModerationResultCategories.from_dict(_d["categories"])
        category_scores = ModerationResultCategoryScores.from_dict(
            _d["category_scores"]
        )
        category_applied_input_types = _get("category_applied_input_types")
        if category_applied_input_types is not None:
            category_applied_input_types = (
                ModerationResultCategoryAppliedInputTypes.from_dict(
                    category_applied_input_types
                )
            )
        elif "category_applied_input_types" in _d:
            _nulls += ("category_applied_input_types",)
        # Built without __init__: it would only copy the same values once more.
        moderation_result = _new(cls)
        moderation_result.flagged = flagged
        moderation_result.categories = categories
        moderation_result.category_scores = category_scores
        moderation_result.category_applied_input_types = category_applied_input_types
        moderation_result.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        moderation_result._nulls = _nulls
        moderation_result._request_id = None
        return moderation_result

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


_unresolved = True


def _resolve() -> None:
    """Bind the models this one refers to, on first use: importing them with this module would
    load most of the package for any one model, and importing them per call costs time."""
    global _unresolved
    from ..models.moderation_result_categories import ModerationResultCategories
    from ..models.moderation_result_category_applied_input_types import (
        ModerationResultCategoryAppliedInputTypes,
    )
    from ..models.moderation_result_category_scores import (
        ModerationResultCategoryScores,
    )

    globals().update(
        ModerationResultCategories=ModerationResultCategories,
        ModerationResultCategoryAppliedInputTypes=ModerationResultCategoryAppliedInputTypes,
        ModerationResultCategoryScores=ModerationResultCategoryScores,
    )
    _unresolved = False


from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.moderation_result_categories import ModerationResultCategoriesParam
    from ..models.moderation_result_category_applied_input_types import (
        ModerationResultCategoryAppliedInputTypesParam,
    )
    from ..models.moderation_result_category_scores import (
        ModerationResultCategoryScoresParam,
    )


class ModerationResultParam(TypedDict, total=False):
    """`ModerationResult` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    flagged: Required[bool]
    """ Whether any category is flagged. """

    categories: Required[ModerationResultCategoriesParam]
    """ Category name to whether it is flagged. """

    category_scores: Required[ModerationResultCategoryScoresParam]
    """ Category name to the model's confidence, from 0 to 1. """

    category_applied_input_types: ModerationResultCategoryAppliedInputTypesParam
    """ Category name to the input types (`text`, `image`) it was judged on. """
