"""The controller every child DocType of the app shares.

Frappe checks only DocType-level rights on a child row asked for on its own (REST, frappe.client,
getdoc, print) and never runs the app's row rules there; this class sends every such check to
the permission module, and gives the framework's own child check the real parent to judge."""

import frappe
from frappe.model.document import Document

from thi_dua_app.permissions import child_row_has_permission
from thi_dua_app.thi_dua.typed_document import TypedDocument


class ChildRow(TypedDocument):
	def has_permission(self, permtype="read", *, debug=False, user=None) -> bool:
		if self.flags.ignore_permissions:
			return True
		return child_row_has_permission(self, permtype, user)

	@property
	def parent_doc(self):
		"""The parent this row is stored in — not a parent the request names — loaded when the row
		was read alone, so ``frappe.has_permission`` on the row judges that parent's row."""
		parent = Document.parent_doc.fget(self)
		if parent is None and not self.is_new() and self.name:
			stored = frappe.db.get_value(self.doctype, self.name, ["parenttype", "parent"])
			if stored and stored[0] and frappe.db.exists(stored[0], stored[1]):
				parent = frappe.get_doc(stored[0], stored[1])
				self._parent_doc = parent
		return parent

	@parent_doc.setter
	def parent_doc(self, value):
		self._parent_doc = value

	@parent_doc.deleter
	def parent_doc(self):
		self._parent_doc = None
