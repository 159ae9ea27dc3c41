from thi_dua_app.thi_dua.child_row import ChildRow


class InternalReviewLine(ChildRow):
	pass
