package review

import "net/http"

// userList is the admins' account page, with the form to add one.
func (ui *UI) userList(w http.ResponseWriter, r *request) error {
	return ui.showUsers(w, r, http.StatusOK, userForm{Role: "clerk"})
}

type userForm struct {
	Username, DisplayName, Role, Communes, Error string
}

func (ui *UI) showUsers(w http.ResponseWriter, r *request, status int, form userForm) error {
	us, err := ui.store.Users(r.Context())
	if err != nil {
		return err
	}
	return ui.render(w, r, status, "users.html", map[string]any{"Users": us, "Form": form})
}
