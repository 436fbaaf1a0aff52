"""Reading factsheet PDFs back as a reader and a screen reader would."""

import io

from pypdf import PdfReader
from pypdf.generic import IndirectObject


def reader(response) -> PdfReader:
    return PdfReader(io.BytesIO(response.content))


def text(response) -> str:
    """The selectable text, in the order a reader selecting it meets it."""
    return "\n".join(page.extract_text() for page in reader(response).pages)


def _marked_text(pdf):
    """The text of each marked-content sequence, by (page object number, MCID)."""
    texts = {}
    for page in pdf.pages:
        stack = []
        page_number = page.indirect_reference.idnum

        def before(operator, operands, cm, tm, stack=stack):
            if operator == b"BDC":
                properties = operands[1] if len(operands) > 1 else None
                stack.append(properties.get("/MCID") if hasattr(properties, "get") else None)
            elif operator == b"BMC":
                stack.append(None)
            elif operator == b"EMC" and stack:
                stack.pop()

        def collect(value, cm, tm, font, size, stack=stack, page_number=page_number):
            mcid = next((m for m in reversed(stack) if m is not None), None)
            if mcid is not None:
                texts.setdefault((page_number, mcid), []).append(value)

        page.extract_text(visitor_operand_before=before, visitor_text=collect)
    return texts


def tagged_elements(response, types=("/H1", "/H2", "/H3", "/Figure", "/Table")):
    """(structure type, text, alternative text) of the tagged elements, in the tag tree's order.

    This is the order in which a screen reader walks the document.
    """
    pdf = reader(response)
    texts = _marked_text(pdf)
    found = []

    def content(node, page):
        words = []
        kids = node.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            kid_object = kid.get_object() if isinstance(kid, IndirectObject) else kid
            if isinstance(kid_object, int):
                words += texts.get((page, kid_object), [])
            elif "/MCID" in kid_object:
                kid_page = kid_object.raw_get("/Pg").idnum if "/Pg" in kid_object else page
                words += texts.get((kid_page, kid_object["/MCID"]), [])
            elif "/S" in kid_object:
                words += content(kid_object, _page(kid_object, page))
        return words

    def walk(node, page):
        node = node.get_object()
        page = _page(node, page)
        if node.get("/S") in types:
            found.append(
                (node["/S"], " ".join("".join(content(node, page)).split()), node.get("/Alt"))
            )
        kids = node.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            kid_object = kid.get_object() if isinstance(kid, IndirectObject) else kid
            if hasattr(kid_object, "get") and "/S" in kid_object:
                walk(kid_object, page)

    walk(pdf.trailer["/Root"]["/StructTreeRoot"], None)
    return found


def _page(node, page):
    return node.raw_get("/Pg").idnum if "/Pg" in node else page
