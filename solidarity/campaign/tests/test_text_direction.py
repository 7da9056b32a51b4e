import pytest

from solidarity.campaign.pdf import text_direction


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("Centre communautaire", "ltr"),
        ("جمعية التضامن", "rtl"),
        ("2843 Rue Jean-Talon Ouest", "ltr"),  # digits are weak: the street name decides
        ("12 شارع الحرية", "rtl"),
        ("+1 555 0142", "ltr"),  # nothing strong: left to right
    ],
)
def test_each_line_takes_the_direction_of_its_first_strong_character(text, direction):
    assert text_direction(text) == direction
